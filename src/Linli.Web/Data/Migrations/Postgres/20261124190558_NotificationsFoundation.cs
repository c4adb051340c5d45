using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NotificationsFoundation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Link",
                table: "outbox_messages",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Purpose",
                table: "outbox_messages",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Service");

            migrationBuilder.AddColumn<Guid>(
                name: "UserId",
                table: "outbox_messages",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_UserId_Channel",
                table: "outbox_messages",
                columns: new[] { "UserId", "Channel" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_outbox_messages_UserId_Channel",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "Link",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "Purpose",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "UserId",
                table: "outbox_messages");
        }
    }
}
