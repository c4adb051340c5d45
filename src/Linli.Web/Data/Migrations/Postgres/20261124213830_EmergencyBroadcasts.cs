using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EmergencyBroadcasts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CampaignId",
                table: "broadcasts",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_broadcasts_CampaignId",
                table: "broadcasts",
                column: "CampaignId");

            migrationBuilder.AddForeignKey(
                name: "FK_broadcasts_campaigns_CampaignId",
                table: "broadcasts",
                column: "CampaignId",
                principalTable: "campaigns",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_broadcasts_campaigns_CampaignId",
                table: "broadcasts");

            migrationBuilder.DropIndex(
                name: "IX_broadcasts_CampaignId",
                table: "broadcasts");

            migrationBuilder.DropColumn(
                name: "CampaignId",
                table: "broadcasts");
        }
    }
}
