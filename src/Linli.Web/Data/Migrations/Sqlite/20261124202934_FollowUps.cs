using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "follow_ups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    RecipientKey = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    UnitNodeId = table.Column<int>(type: "INTEGER", nullable: true),
                    AreaPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OfficerUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Stars = table.Column<int>(type: "INTEGER", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_follow_ups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_follow_ups_departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_follow_ups_tree_nodes_UnitNodeId",
                        column: x => x.UnitNodeId,
                        principalTable: "tree_nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_follow_ups_AreaPath_SentAt",
                table: "follow_ups",
                columns: new[] { "AreaPath", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_follow_ups_DepartmentId",
                table: "follow_ups",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_follow_ups_OfficerUserId_AnsweredAt",
                table: "follow_ups",
                columns: new[] { "OfficerUserId", "AnsweredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_follow_ups_Source_ItemId_RecipientKey",
                table: "follow_ups",
                columns: new[] { "Source", "ItemId", "RecipientKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_follow_ups_TokenHash",
                table: "follow_ups",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_follow_ups_UnitNodeId",
                table: "follow_ups",
                column: "UnitNodeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "follow_ups");
        }
    }
}
