using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Linli.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CareRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "care_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NodeId = table.Column<int>(type: "integer", nullable: false),
                    NodePath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Need = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ContactName = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Contact = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ResidentUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ConsentId = table.Column<int>(type: "integer", nullable: true),
                    ConsentVersion = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ConsentGivenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConsentGivenOrally = table.Column<bool>(type: "boolean", nullable: false),
                    RegisteredBy = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<int>(type: "integer", nullable: true),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReminderSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RenewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_care_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_care_entries_AspNetUsers_ResidentUserId",
                        column: x => x.ResidentUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_care_entries_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_care_entries_consents_ConsentId",
                        column: x => x.ConsentId,
                        principalTable: "consents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_care_entries_tree_nodes_NodeId",
                        column: x => x.NodeId,
                        principalTable: "tree_nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "care_help_requests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EntryId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    NodeId = table.Column<int>(type: "integer", nullable: false),
                    NodePath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AssigneeUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    RaisedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeliveredBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_care_help_requests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_care_help_requests_care_entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "care_entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_care_entries_CampaignId",
                table: "care_entries",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_care_entries_ConsentId",
                table: "care_entries",
                column: "ConsentId");

            migrationBuilder.CreateIndex(
                name: "IX_care_entries_ExpiresAt",
                table: "care_entries",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_care_entries_NodeId",
                table: "care_entries",
                column: "NodeId");

            migrationBuilder.CreateIndex(
                name: "IX_care_entries_NodePath",
                table: "care_entries",
                column: "NodePath");

            migrationBuilder.CreateIndex(
                name: "IX_care_entries_ResidentUserId",
                table: "care_entries",
                column: "ResidentUserId");

            migrationBuilder.CreateIndex(
                name: "IX_care_help_requests_AssigneeUserId_ConfirmedAt",
                table: "care_help_requests",
                columns: new[] { "AssigneeUserId", "ConfirmedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_care_help_requests_EntryId",
                table: "care_help_requests",
                column: "EntryId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "care_help_requests");

            migrationBuilder.DropTable(
                name: "care_entries");
        }
    }
}
