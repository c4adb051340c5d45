using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PathPatternIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_tree_nodes_Path",
                table: "tree_nodes");

            migrationBuilder.CreateIndex(
                name: "IX_tree_nodes_Path",
                table: "tree_nodes",
                column: "Path")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_tree_nodes_Path",
                table: "tree_nodes");

            migrationBuilder.CreateIndex(
                name: "IX_tree_nodes_Path",
                table: "tree_nodes",
                column: "Path");
        }
    }
}
