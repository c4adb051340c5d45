using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Linli.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MegacityScale : Migration
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

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_protection_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "export_jobs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    Dataset = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Format = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    NodeCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    NodePath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    From = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    To = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CategoryCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RowsDone = table.Column<int>(type: "integer", nullable: false),
                    RowsTotal = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClaimedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ClaimedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Error = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    FileSize = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_export_jobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "shared_secrets",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Value = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shared_secrets", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "shared_versions",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shared_versions", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "export_chunks",
                columns: table => new
                {
                    JobId = table.Column<long>(type: "bigint", nullable: false),
                    Index = table.Column<int>(type: "integer", nullable: false),
                    Data = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_export_chunks", x => new { x.JobId, x.Index });
                    table.ForeignKey(
                        name: "FK_export_chunks_export_jobs_JobId",
                        column: x => x.JobId,
                        principalTable: "export_jobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "shared_versions",
                columns: new[] { "Name", "Version" },
                values: new object[,]
                {
                    { "routing", 0L },
                    { "tree", 0L }
                });

            migrationBuilder.CreateIndex(
                name: "IX_cases_ResolveBy",
                table: "cases",
                column: "ResolveBy");

            migrationBuilder.CreateIndex(
                name: "IX_cases_RespondBy",
                table: "cases",
                column: "RespondBy");

            migrationBuilder.CreateIndex(
                name: "IX_export_jobs_CreatedBy_CreatedAt",
                table: "export_jobs",
                columns: new[] { "CreatedBy", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_export_jobs_ExpiresAt",
                table: "export_jobs",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_export_jobs_Status_CreatedAt",
                table: "export_jobs",
                columns: new[] { "Status", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_duration_rollups");

            migrationBuilder.DropTable(
                name: "case_rollups");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "export_chunks");

            migrationBuilder.DropTable(
                name: "shared_secrets");

            migrationBuilder.DropTable(
                name: "shared_versions");

            migrationBuilder.DropTable(
                name: "export_jobs");

            migrationBuilder.DropIndex(
                name: "IX_cases_ResolveBy",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "IX_cases_RespondBy",
                table: "cases");
        }
    }
}
