using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Linli.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Partners : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CreatedAt",
                table: "partners",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "partners",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NameEn",
                table: "partners",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "partners",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Active");

            migrationBuilder.AddColumn<string>(
                name: "Subtype",
                table: "partners",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SuspendedAt",
                table: "partners",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuspensionReason",
                table: "partners",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "negotiations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NodeId = table.Column<int>(type: "integer", nullable: false),
                    NodePath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    AgreementText = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    AgreementSignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AgreementProposalId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_negotiations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_negotiations_tree_nodes_NodeId",
                        column: x => x.NodeId,
                        principalTable: "tree_nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "partner_agreement_texts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    TextEn = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partner_agreement_texts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "partner_areas",
                columns: table => new
                {
                    PartnerId = table.Column<int>(type: "integer", nullable: false),
                    NodeId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partner_areas", x => new { x.PartnerId, x.NodeId });
                    table.ForeignKey(
                        name: "FK_partner_areas_partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_partner_areas_tree_nodes_NodeId",
                        column: x => x.NodeId,
                        principalTable: "tree_nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "partner_contacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PartnerId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Contact = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partner_contacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_partner_contacts_partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "partner_offers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PartnerId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AidAmount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    AidPeriod = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CommunityNodeId = table.Column<int>(type: "integer", nullable: true),
                    Capacity = table.Column<int>(type: "integer", nullable: true),
                    Taken = table.Column<int>(type: "integer", nullable: false),
                    Withdrawn = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partner_offers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_partner_offers_partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_partner_offers_tree_nodes_CommunityNodeId",
                        column: x => x.CommunityNodeId,
                        principalTable: "tree_nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "partner_scores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PartnerId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ScoredByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ScoredByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ScoredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partner_scores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_partner_scores_partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "partner_signatures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PartnerId = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SignedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partner_signatures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_partner_signatures_partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "negotiation_meetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NegotiationId = table.Column<int>(type: "integer", nullable: false),
                    HeldAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Minutes = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_negotiation_meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_negotiation_meetings_negotiations_NegotiationId",
                        column: x => x.NegotiationId,
                        principalTable: "negotiations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "negotiation_parties",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NegotiationId = table.Column<int>(type: "integer", nullable: false),
                    PartnerId = table.Column<int>(type: "integer", nullable: true),
                    GroupName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SignedAgreement = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_negotiation_parties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_negotiation_parties_negotiations_NegotiationId",
                        column: x => x.NegotiationId,
                        principalTable: "negotiations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_negotiation_parties_partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "negotiation_proposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NegotiationId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    ProposedByPartyId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_negotiation_proposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_negotiation_proposals_negotiations_NegotiationId",
                        column: x => x.NegotiationId,
                        principalTable: "negotiations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "negotiation_tasks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NegotiationId = table.Column<int>(type: "integer", nullable: false),
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_negotiation_tasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_negotiation_tasks_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_negotiation_tasks_negotiations_NegotiationId",
                        column: x => x.NegotiationId,
                        principalTable: "negotiations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "partner_offer_signups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OfferId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    SignedUpAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partner_offer_signups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_partner_offer_signups_partner_offers_OfferId",
                        column: x => x.OfferId,
                        principalTable: "partner_offers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "partner_ratings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OfferId = table.Column<int>(type: "integer", nullable: false),
                    PartnerId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Stars = table.Column<int>(type: "integer", nullable: false),
                    RatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partner_ratings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_partner_ratings_partner_offers_OfferId",
                        column: x => x.OfferId,
                        principalTable: "partner_offers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "negotiation_positions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProposalId = table.Column<int>(type: "integer", nullable: false),
                    PartyId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_negotiation_positions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_negotiation_positions_negotiation_parties_PartyId",
                        column: x => x.PartyId,
                        principalTable: "negotiation_parties",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_negotiation_positions_negotiation_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "negotiation_proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_negotiation_meetings_NegotiationId",
                table: "negotiation_meetings",
                column: "NegotiationId");

            migrationBuilder.CreateIndex(
                name: "IX_negotiation_parties_NegotiationId",
                table: "negotiation_parties",
                column: "NegotiationId");

            migrationBuilder.CreateIndex(
                name: "IX_negotiation_parties_PartnerId",
                table: "negotiation_parties",
                column: "PartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_negotiation_positions_PartyId",
                table: "negotiation_positions",
                column: "PartyId");

            migrationBuilder.CreateIndex(
                name: "IX_negotiation_positions_ProposalId_PartyId",
                table: "negotiation_positions",
                columns: new[] { "ProposalId", "PartyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_negotiation_proposals_NegotiationId",
                table: "negotiation_proposals",
                column: "NegotiationId");

            migrationBuilder.CreateIndex(
                name: "IX_negotiation_tasks_CaseId",
                table: "negotiation_tasks",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_negotiation_tasks_NegotiationId",
                table: "negotiation_tasks",
                column: "NegotiationId");

            migrationBuilder.CreateIndex(
                name: "IX_negotiations_NodeId",
                table: "negotiations",
                column: "NodeId");

            migrationBuilder.CreateIndex(
                name: "IX_negotiations_NodePath",
                table: "negotiations",
                column: "NodePath");

            migrationBuilder.CreateIndex(
                name: "IX_partner_agreement_texts_Version",
                table: "partner_agreement_texts",
                column: "Version",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_partner_areas_NodeId",
                table: "partner_areas",
                column: "NodeId");

            migrationBuilder.CreateIndex(
                name: "IX_partner_contacts_PartnerId",
                table: "partner_contacts",
                column: "PartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_partner_offer_signups_OfferId_UserId",
                table: "partner_offer_signups",
                columns: new[] { "OfferId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_partner_offer_signups_UserId",
                table: "partner_offer_signups",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_partner_offers_CommunityNodeId_StartsAt",
                table: "partner_offers",
                columns: new[] { "CommunityNodeId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_partner_offers_PartnerId",
                table: "partner_offers",
                column: "PartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_partner_ratings_OfferId_UserId_Year",
                table: "partner_ratings",
                columns: new[] { "OfferId", "UserId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_partner_ratings_PartnerId_Year",
                table: "partner_ratings",
                columns: new[] { "PartnerId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_partner_scores_PartnerId_Year_ScoredByUserId",
                table: "partner_scores",
                columns: new[] { "PartnerId", "Year", "ScoredByUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_partner_signatures_PartnerId",
                table: "partner_signatures",
                column: "PartnerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "negotiation_meetings");

            migrationBuilder.DropTable(
                name: "negotiation_positions");

            migrationBuilder.DropTable(
                name: "negotiation_tasks");

            migrationBuilder.DropTable(
                name: "partner_agreement_texts");

            migrationBuilder.DropTable(
                name: "partner_areas");

            migrationBuilder.DropTable(
                name: "partner_contacts");

            migrationBuilder.DropTable(
                name: "partner_offer_signups");

            migrationBuilder.DropTable(
                name: "partner_ratings");

            migrationBuilder.DropTable(
                name: "partner_scores");

            migrationBuilder.DropTable(
                name: "partner_signatures");

            migrationBuilder.DropTable(
                name: "negotiation_parties");

            migrationBuilder.DropTable(
                name: "negotiation_proposals");

            migrationBuilder.DropTable(
                name: "partner_offers");

            migrationBuilder.DropTable(
                name: "negotiations");

            migrationBuilder.DropColumn(
                name: "CreatedAt",
                table: "partners");

            migrationBuilder.DropColumn(
                name: "Description",
                table: "partners");

            migrationBuilder.DropColumn(
                name: "NameEn",
                table: "partners");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "partners");

            migrationBuilder.DropColumn(
                name: "Subtype",
                table: "partners");

            migrationBuilder.DropColumn(
                name: "SuspendedAt",
                table: "partners");

            migrationBuilder.DropColumn(
                name: "SuspensionReason",
                table: "partners");
        }
    }
}
