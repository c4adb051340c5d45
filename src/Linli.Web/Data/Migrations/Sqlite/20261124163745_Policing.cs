using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Policing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "policing_half_days",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficerUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityNodeId = table.Column<int>(type: "INTEGER", nullable: false),
                    CommunityPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LoggedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policing_half_days", x => x.Id);
                    table.ForeignKey(
                        name: "FK_policing_half_days_AspNetUsers_OfficerUserId",
                        column: x => x.OfficerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_policing_half_days_tree_nodes_CommunityNodeId",
                        column: x => x.CommunityNodeId,
                        principalTable: "tree_nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "policing_facility_checks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HalfDayId = table.Column<int>(type: "INTEGER", nullable: false),
                    Facility = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    BuildingNodeId = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policing_facility_checks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_policing_facility_checks_policing_half_days_HalfDayId",
                        column: x => x.HalfDayId,
                        principalTable: "policing_half_days",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_policing_facility_checks_tree_nodes_BuildingNodeId",
                        column: x => x.BuildingNodeId,
                        principalTable: "tree_nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "policing_patrols",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HalfDayId = table.Column<int>(type: "INTEGER", nullable: false),
                    RouteGeoJson = table.Column<string>(type: "TEXT", nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policing_patrols", x => x.Id);
                    table.ForeignKey(
                        name: "FK_policing_patrols_policing_half_days_HalfDayId",
                        column: x => x.HalfDayId,
                        principalTable: "policing_half_days",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "policing_visits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HalfDayId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UnitNodeId = table.Column<int>(type: "INTEGER", nullable: true),
                    PartnerId = table.Column<int>(type: "INTEGER", nullable: true),
                    OrganisationName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    BuildingNodeId = table.Column<int>(type: "INTEGER", nullable: true),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Advice = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Concern = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policing_visits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_policing_visits_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_policing_visits_partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_policing_visits_policing_half_days_HalfDayId",
                        column: x => x.HalfDayId,
                        principalTable: "policing_half_days",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_policing_visits_tree_nodes_BuildingNodeId",
                        column: x => x.BuildingNodeId,
                        principalTable: "tree_nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_policing_visits_tree_nodes_UnitNodeId",
                        column: x => x.UnitNodeId,
                        principalTable: "tree_nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_policing_facility_checks_BuildingNodeId",
                table: "policing_facility_checks",
                column: "BuildingNodeId");

            migrationBuilder.CreateIndex(
                name: "IX_policing_facility_checks_HalfDayId",
                table: "policing_facility_checks",
                column: "HalfDayId");

            migrationBuilder.CreateIndex(
                name: "IX_policing_half_days_CommunityNodeId",
                table: "policing_half_days",
                column: "CommunityNodeId");

            migrationBuilder.CreateIndex(
                name: "IX_policing_half_days_CommunityPath_Date",
                table: "policing_half_days",
                columns: new[] { "CommunityPath", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_policing_half_days_OfficerUserId_Date_Period",
                table: "policing_half_days",
                columns: new[] { "OfficerUserId", "Date", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_policing_patrols_HalfDayId",
                table: "policing_patrols",
                column: "HalfDayId");

            migrationBuilder.CreateIndex(
                name: "IX_policing_visits_BuildingNodeId",
                table: "policing_visits",
                column: "BuildingNodeId");

            migrationBuilder.CreateIndex(
                name: "IX_policing_visits_CaseId",
                table: "policing_visits",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_policing_visits_HalfDayId",
                table: "policing_visits",
                column: "HalfDayId");

            migrationBuilder.CreateIndex(
                name: "IX_policing_visits_PartnerId",
                table: "policing_visits",
                column: "PartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_policing_visits_UnitNodeId",
                table: "policing_visits",
                column: "UnitNodeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "policing_facility_checks");

            migrationBuilder.DropTable(
                name: "policing_patrols");

            migrationBuilder.DropTable(
                name: "policing_visits");

            migrationBuilder.DropTable(
                name: "policing_half_days");
        }
    }
}
