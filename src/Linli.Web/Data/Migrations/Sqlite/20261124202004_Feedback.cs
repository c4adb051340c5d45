using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Feedback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FeedbackPosts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitNodeId = table.Column<int>(type: "INTEGER", nullable: true),
                    UnitDepartmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    UnitPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PlaceNodeId = table.Column<int>(type: "INTEGER", nullable: true),
                    AuthorUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ShownName = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    PostedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstReplyAt = table.Column<long>(type: "INTEGER", nullable: true),
                    HiddenAt = table.Column<long>(type: "INTEGER", nullable: true),
                    HiddenReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    HiddenBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    FlagCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackPosts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackPosts_AspNetUsers_AuthorUserId",
                        column: x => x.AuthorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FeedbackPosts_departments_UnitDepartmentId",
                        column: x => x.UnitDepartmentId,
                        principalTable: "departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FeedbackPosts_tree_nodes_PlaceNodeId",
                        column: x => x.PlaceNodeId,
                        principalTable: "tree_nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FeedbackPosts_tree_nodes_UnitNodeId",
                        column: x => x.UnitNodeId,
                        principalTable: "tree_nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackCommitments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PostId = table.Column<long>(type: "INTEGER", nullable: false),
                    UnitNodeId = table.Column<int>(type: "INTEGER", nullable: true),
                    UnitDepartmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    UnitPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AdoptedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DoneAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackCommitments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackCommitments_FeedbackPosts_PostId",
                        column: x => x.PostId,
                        principalTable: "FeedbackPosts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackFlags",
                columns: table => new
                {
                    PostId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackFlags", x => new { x.PostId, x.UserId });
                    table.ForeignKey(
                        name: "FK_FeedbackFlags_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FeedbackFlags_FeedbackPosts_PostId",
                        column: x => x.PostId,
                        principalTable: "FeedbackPosts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackFollowers",
                columns: table => new
                {
                    PostId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Since = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackFollowers", x => new { x.PostId, x.UserId });
                    table.ForeignKey(
                        name: "FK_FeedbackFollowers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FeedbackFollowers_FeedbackPosts_PostId",
                        column: x => x.PostId,
                        principalTable: "FeedbackPosts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackReplies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PostId = table.Column<long>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    StaffUserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackReplies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackReplies_FeedbackPosts_PostId",
                        column: x => x.PostId,
                        principalTable: "FeedbackPosts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackProgress",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommitmentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    MarksDone = table.Column<bool>(type: "INTEGER", nullable: false),
                    StaffUserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackProgress", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackProgress_FeedbackCommitments_CommitmentId",
                        column: x => x.CommitmentId,
                        principalTable: "FeedbackCommitments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackCommitments_PostId",
                table: "FeedbackCommitments",
                column: "PostId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackCommitments_UnitDepartmentId_DueOn",
                table: "FeedbackCommitments",
                columns: new[] { "UnitDepartmentId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackCommitments_UnitNodeId_DueOn",
                table: "FeedbackCommitments",
                columns: new[] { "UnitNodeId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackFlags_UserId",
                table: "FeedbackFlags",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackFollowers_UserId",
                table: "FeedbackFollowers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackPosts_AuthorUserId_PostedAt",
                table: "FeedbackPosts",
                columns: new[] { "AuthorUserId", "PostedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackPosts_PlaceNodeId",
                table: "FeedbackPosts",
                column: "PlaceNodeId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackPosts_UnitDepartmentId_PostedAt",
                table: "FeedbackPosts",
                columns: new[] { "UnitDepartmentId", "PostedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackPosts_UnitNodeId_PostedAt",
                table: "FeedbackPosts",
                columns: new[] { "UnitNodeId", "PostedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackPosts_UnitPath",
                table: "FeedbackPosts",
                column: "UnitPath");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackProgress_CommitmentId_At",
                table: "FeedbackProgress",
                columns: new[] { "CommitmentId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackReplies_PostId_At",
                table: "FeedbackReplies",
                columns: new[] { "PostId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FeedbackFlags");

            migrationBuilder.DropTable(
                name: "FeedbackFollowers");

            migrationBuilder.DropTable(
                name: "FeedbackProgress");

            migrationBuilder.DropTable(
                name: "FeedbackReplies");

            migrationBuilder.DropTable(
                name: "FeedbackCommitments");

            migrationBuilder.DropTable(
                name: "FeedbackPosts");
        }
    }
}
