using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Hazards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "hazards",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    NodeId = table.Column<int>(type: "INTEGER", nullable: false),
                    NodePath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FoundByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FoundByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FoundAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NeedsVerification = table.Column<bool>(type: "INTEGER", nullable: false),
                    SourceVisitId = table.Column<int>(type: "INTEGER", nullable: true),
                    ResponsibleParty = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ResponsiblePartnerId = table.Column<int>(type: "INTEGER", nullable: true),
                    Deadline = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RectifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EliminatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FailedReinspections = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hazards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_hazards_partners_ResponsiblePartnerId",
                        column: x => x.ResponsiblePartnerId,
                        principalTable: "partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_hazards_tree_nodes_NodeId",
                        column: x => x.NodeId,
                        principalTable: "tree_nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "hazard_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HazardId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ActorUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Deadline = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hazard_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_hazard_events_hazards_HazardId",
                        column: x => x.HazardId,
                        principalTable: "hazards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "hazard_photos",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HazardId = table.Column<long>(type: "INTEGER", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hazard_photos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_hazard_photos_hazards_HazardId",
                        column: x => x.HazardId,
                        principalTable: "hazards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_hazard_events_HazardId_At",
                table: "hazard_events",
                columns: new[] { "HazardId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_hazard_photos_HazardId",
                table: "hazard_photos",
                column: "HazardId");

            migrationBuilder.CreateIndex(
                name: "IX_hazards_EliminatedAt",
                table: "hazards",
                column: "EliminatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_hazards_FoundAt",
                table: "hazards",
                column: "FoundAt");

            migrationBuilder.CreateIndex(
                name: "IX_hazards_NodeId",
                table: "hazards",
                column: "NodeId");

            migrationBuilder.CreateIndex(
                name: "IX_hazards_NodePath",
                table: "hazards",
                column: "NodePath");

            migrationBuilder.CreateIndex(
                name: "IX_hazards_ResponsiblePartnerId",
                table: "hazards",
                column: "ResponsiblePartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_hazards_State_Deadline",
                table: "hazards",
                columns: new[] { "State", "Deadline" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hazard_events");

            migrationBuilder.DropTable(
                name: "hazard_photos");

            migrationBuilder.DropTable(
                name: "hazards");
        }
    }
}
