using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Linli.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Volunteers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "VolunteerAssociationId",
                table: "cases",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "community_volunteer_targets",
                columns: table => new
                {
                    CommunityNodeId = table.Column<int>(type: "integer", nullable: false),
                    MinimumAssociations = table.Column<int>(type: "integer", nullable: false),
                    SetAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SetByUserId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_volunteer_targets", x => x.CommunityNodeId);
                    table.ForeignKey(
                        name: "FK_community_volunteer_targets_tree_nodes_CommunityNodeId",
                        column: x => x.CommunityNodeId,
                        principalTable: "tree_nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "volunteer_associations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CommunityNodeId = table.Column<int>(type: "integer", nullable: false),
                    CommunityPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Motto = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LeaderUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Logo = table.Column<byte[]>(type: "bytea", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_volunteer_associations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_volunteer_associations_AspNetUsers_LeaderUserId",
                        column: x => x.LeaderUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_volunteer_associations_tree_nodes_CommunityNodeId",
                        column: x => x.CommunityNodeId,
                        principalTable: "tree_nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "volunteer_nominations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CommunityNodeId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    NomineeUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    NominatedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Votes = table.Column<int>(type: "integer", nullable: false),
                    NominatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_volunteer_nominations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_volunteer_nominations_AspNetUsers_NominatedByUserId",
                        column: x => x.NominatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_volunteer_nominations_AspNetUsers_NomineeUserId",
                        column: x => x.NomineeUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_volunteer_nominations_tree_nodes_CommunityNodeId",
                        column: x => x.CommunityNodeId,
                        principalTable: "tree_nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "volunteer_votes_cast",
                columns: table => new
                {
                    CommunityNodeId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    VoterUserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_volunteer_votes_cast", x => new { x.CommunityNodeId, x.Year, x.VoterUserId });
                    table.ForeignKey(
                        name: "FK_volunteer_votes_cast_AspNetUsers_VoterUserId",
                        column: x => x.VoterUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_volunteer_votes_cast_tree_nodes_CommunityNodeId",
                        column: x => x.CommunityNodeId,
                        principalTable: "tree_nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "volunteer_activities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AssociationId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    SignedUp = table.Column<int>(type: "integer", nullable: false),
                    RouteGeoJson = table.Column<string>(type: "text", nullable: true),
                    CheckInCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_volunteer_activities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_volunteer_activities_volunteer_associations_AssociationId",
                        column: x => x.AssociationId,
                        principalTable: "volunteer_associations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "volunteer_memberships",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AssociationId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConsentId = table.Column<int>(type: "integer", nullable: false),
                    Skills = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Availability = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    JoinedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_volunteer_memberships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_volunteer_memberships_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_volunteer_memberships_consents_ConsentId",
                        column: x => x.ConsentId,
                        principalTable: "consents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_volunteer_memberships_volunteer_associations_AssociationId",
                        column: x => x.AssociationId,
                        principalTable: "volunteer_associations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "volunteer_shift_signups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ActivityId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    SignedUpAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CheckedInAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CheckedOutAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Minutes = table.Column<int>(type: "integer", nullable: true),
                    Decision = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DeclineReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    MarkedByLeader = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_volunteer_shift_signups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_volunteer_shift_signups_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_volunteer_shift_signups_volunteer_activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "volunteer_activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cases_VolunteerAssociationId",
                table: "cases",
                column: "VolunteerAssociationId");

            migrationBuilder.CreateIndex(
                name: "IX_volunteer_activities_AssociationId_StartsAt",
                table: "volunteer_activities",
                columns: new[] { "AssociationId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_volunteer_associations_CommunityNodeId",
                table: "volunteer_associations",
                column: "CommunityNodeId");

            migrationBuilder.CreateIndex(
                name: "IX_volunteer_associations_CommunityPath",
                table: "volunteer_associations",
                column: "CommunityPath");

            migrationBuilder.CreateIndex(
                name: "IX_volunteer_associations_LeaderUserId",
                table: "volunteer_associations",
                column: "LeaderUserId");

            migrationBuilder.CreateIndex(
                name: "IX_volunteer_memberships_AssociationId_UserId",
                table: "volunteer_memberships",
                columns: new[] { "AssociationId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_volunteer_memberships_ConsentId",
                table: "volunteer_memberships",
                column: "ConsentId");

            migrationBuilder.CreateIndex(
                name: "IX_volunteer_memberships_UserId",
                table: "volunteer_memberships",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_volunteer_nominations_CommunityNodeId_Year_NomineeUserId",
                table: "volunteer_nominations",
                columns: new[] { "CommunityNodeId", "Year", "NomineeUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_volunteer_nominations_NominatedByUserId",
                table: "volunteer_nominations",
                column: "NominatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_volunteer_nominations_NomineeUserId",
                table: "volunteer_nominations",
                column: "NomineeUserId");

            migrationBuilder.CreateIndex(
                name: "IX_volunteer_shift_signups_ActivityId_UserId",
                table: "volunteer_shift_signups",
                columns: new[] { "ActivityId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_volunteer_shift_signups_UserId",
                table: "volunteer_shift_signups",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_volunteer_votes_cast_VoterUserId",
                table: "volunteer_votes_cast",
                column: "VoterUserId");

            migrationBuilder.AddForeignKey(
                name: "FK_cases_volunteer_associations_VolunteerAssociationId",
                table: "cases",
                column: "VolunteerAssociationId",
                principalTable: "volunteer_associations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_cases_volunteer_associations_VolunteerAssociationId",
                table: "cases");

            migrationBuilder.DropTable(
                name: "community_volunteer_targets");

            migrationBuilder.DropTable(
                name: "volunteer_memberships");

            migrationBuilder.DropTable(
                name: "volunteer_nominations");

            migrationBuilder.DropTable(
                name: "volunteer_shift_signups");

            migrationBuilder.DropTable(
                name: "volunteer_votes_cast");

            migrationBuilder.DropTable(
                name: "volunteer_activities");

            migrationBuilder.DropTable(
                name: "volunteer_associations");

            migrationBuilder.DropIndex(
                name: "IX_cases_VolunteerAssociationId",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "VolunteerAssociationId",
                table: "cases");
        }
    }
}
