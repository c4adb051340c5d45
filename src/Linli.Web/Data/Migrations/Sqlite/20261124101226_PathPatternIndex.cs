using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PathPatternIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
