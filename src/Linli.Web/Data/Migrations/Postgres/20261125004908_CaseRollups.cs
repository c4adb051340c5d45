using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_duration_rollups",
                columns: table => new
                {
                    NodePath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", maxLength: 40, nullable: false),
                    Bucket = table.Column<int>(type: "integer", nullable: false),
                    Cases = table.Column<int>(type: "integer", nullable: false),
                    TotalMilliseconds = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_duration_rollups", x => new { x.NodePath, x.Day, x.Kind, x.Bucket });
                });

            migrationBuilder.CreateTable(
                name: "case_rollups",
                columns: table => new
                {
                    NodePath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    CategoryId = table.Column<int>(type: "integer", nullable: false),
                    ReportedNew = table.Column<int>(type: "integer", nullable: false),
                    ReportedDispatched = table.Column<int>(type: "integer", nullable: false),
                    ReportedAccepted = table.Column<int>(type: "integer", nullable: false),
                    ReportedInProgress = table.Column<int>(type: "integer", nullable: false),
                    ReportedResolved = table.Column<int>(type: "integer", nullable: false),
                    ReportedVerified = table.Column<int>(type: "integer", nullable: false),
                    ReportedClosed = table.Column<int>(type: "integer", nullable: false),
                    ReportedReturned = table.Column<int>(type: "integer", nullable: false),
                    ReportedReopened = table.Column<int>(type: "integer", nullable: false),
                    ReportedCancelled = table.Column<int>(type: "integer", nullable: false),
                    ReportedDuplicate = table.Column<int>(type: "integer", nullable: false),
                    RespondedInTime = table.Column<int>(type: "integer", nullable: false),
                    RespondMissed = table.Column<int>(type: "integer", nullable: false),
                    ResolvedInTime = table.Column<int>(type: "integer", nullable: false),
                    ResolveMissed = table.Column<int>(type: "integer", nullable: false),
                    ResolvedLate = table.Column<int>(type: "integer", nullable: false),
                    Rated = table.Column<int>(type: "integer", nullable: false),
                    Satisfied = table.Column<int>(type: "integer", nullable: false),
                    SaidSolved = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_rollups", x => new { x.NodePath, x.Day, x.CategoryId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_cases_ResolveBy",
                table: "cases",
                column: "ResolveBy");

            migrationBuilder.CreateIndex(
                name: "IX_cases_RespondBy",
                table: "cases",
                column: "RespondBy");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_duration_rollups");

            migrationBuilder.DropTable(
                name: "case_rollups");

            migrationBuilder.DropIndex(
                name: "IX_cases_ResolveBy",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "IX_cases_RespondBy",
                table: "cases");
        }
    }
}
