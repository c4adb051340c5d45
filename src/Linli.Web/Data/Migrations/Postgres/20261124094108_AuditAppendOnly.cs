using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The audit log is append-only even for someone with a SQL prompt through the application's account.
            migrationBuilder.Sql(@"CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entries is append-only';
END;
$$;");
            migrationBuilder.Sql("CREATE TRIGGER audit_entries_no_change BEFORE UPDATE OR DELETE ON audit_entries FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();");
            migrationBuilder.Sql("CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER audit_entries_no_truncate ON audit_entries;");
            migrationBuilder.Sql("DROP TRIGGER audit_entries_no_change ON audit_entries;");
            migrationBuilder.Sql("DROP FUNCTION audit_entries_append_only();");
        }
    }
}
