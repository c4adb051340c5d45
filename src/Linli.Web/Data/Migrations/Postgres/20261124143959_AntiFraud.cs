using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Linli.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AntiFraud : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "antifraud_alliance_members",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PartnerId = table.Column<int>(type: "integer", nullable: false),
                    CommunityNodeId = table.Column<int>(type: "integer", nullable: false),
                    JoinedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AddedBy = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_antifraud_alliance_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_antifraud_alliance_members_partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_antifraud_alliance_members_tree_nodes_CommunityNodeId",
                        column: x => x.CommunityNodeId,
                        principalTable: "tree_nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "antifraud_awareness_events",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CommunityNodeId = table.Column<int>(type: "integer", nullable: false),
                    CommunityPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Attendance = table.Column<int>(type: "integer", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_antifraud_awareness_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_antifraud_awareness_events_tree_nodes_CommunityNodeId",
                        column: x => x.CommunityNodeId,
                        principalTable: "tree_nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dissuasion_orders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PartnerId = table.Column<int>(type: "integer", nullable: false),
                    RaisedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RaisedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CommunityNodeId = table.Column<int>(type: "integer", nullable: false),
                    CommunityPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PersonName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    UnitNodeId = table.Column<int>(type: "integer", nullable: true),
                    UnitCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Seen = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Risk = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AmountAtRisk = table.Column<long>(type: "bigint", nullable: true),
                    IsRepeatTarget = table.Column<bool>(type: "boolean", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EscalationLevel = table.Column<int>(type: "integer", nullable: false),
                    EscalatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    MoneyProtected = table.Column<long>(type: "bigint", nullable: true),
                    Advice = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    FollowUp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    FollowUpOn = table.Column<DateOnly>(type: "date", nullable: true),
                    VisitedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    VisitedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    VisitedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ClosedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CloseNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ErasedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClientRequestKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dissuasion_orders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_dissuasion_orders_partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_dissuasion_orders_tree_nodes_CommunityNodeId",
                        column: x => x.CommunityNodeId,
                        principalTable: "tree_nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_dissuasion_orders_tree_nodes_UnitNodeId",
                        column: x => x.UnitNodeId,
                        principalTable: "tree_nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "dissuasion_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrderId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ActorUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ActorRole = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    EscalatedTo = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dissuasion_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_dissuasion_events_dissuasion_orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "dissuasion_orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_antifraud_alliance_members_CommunityNodeId",
                table: "antifraud_alliance_members",
                column: "CommunityNodeId");

            migrationBuilder.CreateIndex(
                name: "IX_antifraud_alliance_members_PartnerId_CommunityNodeId",
                table: "antifraud_alliance_members",
                columns: new[] { "PartnerId", "CommunityNodeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_antifraud_awareness_events_CommunityNodeId",
                table: "antifraud_awareness_events",
                column: "CommunityNodeId");

            migrationBuilder.CreateIndex(
                name: "IX_antifraud_awareness_events_CommunityPath",
                table: "antifraud_awareness_events",
                column: "CommunityPath")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_antifraud_awareness_events_Date",
                table: "antifraud_awareness_events",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_dissuasion_events_OrderId_At",
                table: "dissuasion_events",
                columns: new[] { "OrderId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_dissuasion_orders_ClientRequestKey",
                table: "dissuasion_orders",
                column: "ClientRequestKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dissuasion_orders_CommunityNodeId_Phone",
                table: "dissuasion_orders",
                columns: new[] { "CommunityNodeId", "Phone" });

            migrationBuilder.CreateIndex(
                name: "IX_dissuasion_orders_CommunityPath",
                table: "dissuasion_orders",
                column: "CommunityPath")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_dissuasion_orders_PartnerId_RaisedAt",
                table: "dissuasion_orders",
                columns: new[] { "PartnerId", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_dissuasion_orders_RaisedAt",
                table: "dissuasion_orders",
                column: "RaisedAt");

            migrationBuilder.CreateIndex(
                name: "IX_dissuasion_orders_State_DueAt",
                table: "dissuasion_orders",
                columns: new[] { "State", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_dissuasion_orders_UnitNodeId",
                table: "dissuasion_orders",
                column: "UnitNodeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "antifraud_alliance_members");

            migrationBuilder.DropTable(
                name: "antifraud_awareness_events");

            migrationBuilder.DropTable(
                name: "dissuasion_events");

            migrationBuilder.DropTable(
                name: "dissuasion_orders");
        }
    }
}
