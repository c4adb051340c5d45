using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WorkbenchActionKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClientRequestKey",
                table: "case_events",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_case_events_CaseId_ClientRequestKey",
                table: "case_events",
                columns: new[] { "CaseId", "ClientRequestKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_case_events_CaseId_ClientRequestKey",
                table: "case_events");

            migrationBuilder.DropColumn(
                name: "ClientRequestKey",
                table: "case_events");
        }
    }
}
