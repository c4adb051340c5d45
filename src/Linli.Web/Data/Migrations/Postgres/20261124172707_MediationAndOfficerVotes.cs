using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Linli.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MediationAndOfficerVotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "mediations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    NodeId = table.Column<int>(type: "integer", nullable: false),
                    NodePath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OpenedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    OutcomeAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AgreementText = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    FollowUpDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FollowUp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    FollowUpAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FollowUpNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mediations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_mediations_tree_nodes_NodeId",
                        column: x => x.NodeId,
                        principalTable: "tree_nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "officer_votes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NodeId = table.Column<int>(type: "integer", nullable: false),
                    NodePath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OpenedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClosesAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_officer_votes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_officer_votes_tree_nodes_NodeId",
                        column: x => x.NodeId,
                        principalTable: "tree_nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "mediation_mediators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MediationId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Capacity = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    NamedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mediation_mediators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_mediation_mediators_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_mediation_mediators_mediations_MediationId",
                        column: x => x.MediationId,
                        principalTable: "mediations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "mediation_parties",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MediationId = table.Column<int>(type: "integer", nullable: false),
                    UnitNodeId = table.Column<int>(type: "integer", nullable: false),
                    ContactName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ContactPhone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mediation_parties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_mediation_parties_mediations_MediationId",
                        column: x => x.MediationId,
                        principalTable: "mediations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_mediation_parties_tree_nodes_UnitNodeId",
                        column: x => x.UnitNodeId,
                        principalTable: "tree_nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "mediation_sessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MediationId = table.Column<int>(type: "integer", nullable: false),
                    HeldAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Notes = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    AttendedPartyIds = table.Column<List<int>>(type: "integer[]", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mediation_sessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_mediation_sessions_mediations_MediationId",
                        column: x => x.MediationId,
                        principalTable: "mediations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "officer_vote_candidates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VoteId = table.Column<int>(type: "integer", nullable: false),
                    OfficerUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CommunityNodeId = table.Column<int>(type: "integer", nullable: false),
                    Votes = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_officer_vote_candidates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_officer_vote_candidates_AspNetUsers_OfficerUserId",
                        column: x => x.OfficerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_officer_vote_candidates_officer_votes_VoteId",
                        column: x => x.VoteId,
                        principalTable: "officer_votes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_officer_vote_candidates_tree_nodes_CommunityNodeId",
                        column: x => x.CommunityNodeId,
                        principalTable: "tree_nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "officer_votes_cast",
                columns: table => new
                {
                    VoteId = table.Column<int>(type: "integer", nullable: false),
                    VoterUserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_officer_votes_cast", x => new { x.VoteId, x.VoterUserId });
                    table.ForeignKey(
                        name: "FK_officer_votes_cast_officer_votes_VoteId",
                        column: x => x.VoteId,
                        principalTable: "officer_votes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_mediation_mediators_MediationId_UserId",
                table: "mediation_mediators",
                columns: new[] { "MediationId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_mediation_mediators_UserId",
                table: "mediation_mediators",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_mediation_parties_MediationId",
                table: "mediation_parties",
                column: "MediationId");

            migrationBuilder.CreateIndex(
                name: "IX_mediation_parties_UnitNodeId",
                table: "mediation_parties",
                column: "UnitNodeId");

            migrationBuilder.CreateIndex(
                name: "IX_mediation_sessions_MediationId",
                table: "mediation_sessions",
                column: "MediationId");

            migrationBuilder.CreateIndex(
                name: "IX_mediations_NodeId",
                table: "mediations",
                column: "NodeId");

            migrationBuilder.CreateIndex(
                name: "IX_mediations_NodePath",
                table: "mediations",
                column: "NodePath");

            migrationBuilder.CreateIndex(
                name: "IX_mediations_OutcomeAt",
                table: "mediations",
                column: "OutcomeAt");

            migrationBuilder.CreateIndex(
                name: "IX_officer_vote_candidates_CommunityNodeId",
                table: "officer_vote_candidates",
                column: "CommunityNodeId");

            migrationBuilder.CreateIndex(
                name: "IX_officer_vote_candidates_OfficerUserId",
                table: "officer_vote_candidates",
                column: "OfficerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_officer_vote_candidates_VoteId_OfficerUserId",
                table: "officer_vote_candidates",
                columns: new[] { "VoteId", "OfficerUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_officer_votes_NodeId_Year",
                table: "officer_votes",
                columns: new[] { "NodeId", "Year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "mediation_mediators");

            migrationBuilder.DropTable(
                name: "mediation_parties");

            migrationBuilder.DropTable(
                name: "mediation_sessions");

            migrationBuilder.DropTable(
                name: "officer_vote_candidates");

            migrationBuilder.DropTable(
                name: "officer_votes_cast");

            migrationBuilder.DropTable(
                name: "mediations");

            migrationBuilder.DropTable(
                name: "officer_votes");
        }
    }
}
