using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SafetyTips : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "safety_tip_tallies",
                columns: table => new
                {
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    DistrictNodeId = table.Column<int>(type: "INTEGER", nullable: false),
                    AssociationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_safety_tip_tallies", x => new { x.Month, x.DistrictNodeId, x.AssociationId });
                });

            migrationBuilder.CreateTable(
                name: "safety_tips",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TimeOfDay = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    PlaceNodeId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlacePath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CommunityNodeId = table.Column<int>(type: "INTEGER", nullable: false),
                    DistrictNodeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    WhereNote = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    StationDepartmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    VolunteerAssociationId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReceiptHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TriagedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    OutcomeNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    OutcomeAt = table.Column<long>(type: "INTEGER", nullable: true),
                    QuestionOpen = table.Column<bool>(type: "INTEGER", nullable: false),
                    AwaitingStation = table.Column<bool>(type: "INTEGER", nullable: false),
                    LinkedCaseId = table.Column<long>(type: "INTEGER", nullable: true),
                    DeletionWarnedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_safety_tips", x => x.Id);
                    table.ForeignKey(
                        name: "FK_safety_tips_cases_LinkedCaseId",
                        column: x => x.LinkedCaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_safety_tips_departments_StationDepartmentId",
                        column: x => x.StationDepartmentId,
                        principalTable: "departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_safety_tips_tree_nodes_CommunityNodeId",
                        column: x => x.CommunityNodeId,
                        principalTable: "tree_nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_safety_tips_tree_nodes_DistrictNodeId",
                        column: x => x.DistrictNodeId,
                        principalTable: "tree_nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_safety_tips_tree_nodes_PlaceNodeId",
                        column: x => x.PlaceNodeId,
                        principalTable: "tree_nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_safety_tips_volunteer_associations_VolunteerAssociationId",
                        column: x => x.VolunteerAssociationId,
                        principalTable: "volunteer_associations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "safety_tip_messages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TipId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    FromStation = table.Column<bool>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    OfficerUserId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_safety_tip_messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_safety_tip_messages_safety_tips_TipId",
                        column: x => x.TipId,
                        principalTable: "safety_tips",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_safety_tip_messages_TipId_At",
                table: "safety_tip_messages",
                columns: new[] { "TipId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_safety_tips_CommunityNodeId",
                table: "safety_tips",
                column: "CommunityNodeId");

            migrationBuilder.CreateIndex(
                name: "IX_safety_tips_DistrictNodeId",
                table: "safety_tips",
                column: "DistrictNodeId");

            migrationBuilder.CreateIndex(
                name: "IX_safety_tips_LinkedCaseId",
                table: "safety_tips",
                column: "LinkedCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_safety_tips_PlaceNodeId",
                table: "safety_tips",
                column: "PlaceNodeId");

            migrationBuilder.CreateIndex(
                name: "IX_safety_tips_PlacePath",
                table: "safety_tips",
                column: "PlacePath");

            migrationBuilder.CreateIndex(
                name: "IX_safety_tips_ReceiptHash",
                table: "safety_tips",
                column: "ReceiptHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_safety_tips_StationDepartmentId",
                table: "safety_tips",
                column: "StationDepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_safety_tips_SubmittedAt",
                table: "safety_tips",
                column: "SubmittedAt");

            migrationBuilder.CreateIndex(
                name: "IX_safety_tips_VolunteerAssociationId",
                table: "safety_tips",
                column: "VolunteerAssociationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "safety_tip_messages");

            migrationBuilder.DropTable(
                name: "safety_tip_tallies");

            migrationBuilder.DropTable(
                name: "safety_tips");
        }
    }
}
