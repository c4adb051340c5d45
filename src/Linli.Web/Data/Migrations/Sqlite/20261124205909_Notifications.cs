using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Notifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_outbox_messages_CaseId",
                table: "outbox_messages");

            migrationBuilder.AddColumn<long>(
                name: "AcknowledgedAt",
                table: "outbox_messages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AudiencePath",
                table: "outbox_messages",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "BroadcastId",
                table: "outbox_messages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReadAt",
                table: "outbox_messages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "broadcasts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NodeId = table.Column<int>(type: "INTEGER", nullable: false),
                    NodePath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Urgent = table.Column<bool>(type: "INTEGER", nullable: false),
                    WeComRobot = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    SentBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Recipients = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_broadcasts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_broadcasts_tree_nodes_NodeId",
                        column: x => x.NodeId,
                        principalTable: "tree_nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "notification_opt_outs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AddressHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OptedOutAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notification_opt_outs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notification_preferences",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChannelOrder = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Updates = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FollowUps = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Broadcasts = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    QuietStartsAtHour = table.Column<int>(type: "INTEGER", nullable: false),
                    QuietEndsAtHour = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notification_preferences", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_notification_preferences_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_BroadcastId",
                table: "outbox_messages",
                column: "BroadcastId");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_CaseId",
                table: "outbox_messages",
                column: "CaseId",
                filter: "\"CaseId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_broadcasts_NodeId",
                table: "broadcasts",
                column: "NodeId");

            migrationBuilder.CreateIndex(
                name: "IX_broadcasts_NodePath_CreatedAt",
                table: "broadcasts",
                columns: new[] { "NodePath", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_notification_opt_outs_AddressHash",
                table: "notification_opt_outs",
                column: "AddressHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_notification_preferences_Broadcasts",
                table: "notification_preferences",
                column: "Broadcasts");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "broadcasts");

            migrationBuilder.DropTable(
                name: "notification_opt_outs");

            migrationBuilder.DropTable(
                name: "notification_preferences");

            migrationBuilder.DropIndex(
                name: "IX_outbox_messages_BroadcastId",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "IX_outbox_messages_CaseId",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "AcknowledgedAt",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "AudiencePath",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "BroadcastId",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "ReadAt",
                table: "outbox_messages");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_CaseId",
                table: "outbox_messages",
                column: "CaseId");
        }
    }
}
