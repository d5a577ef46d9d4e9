using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PeerBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DeliveryLogInConversation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The de-duplication record moves into the conversation row (Conversations/DeliveryLog.cs). The old table
            // held ten minutes of activity hashes: a re-delivery of an activity received just before the upgrade is
            // taken as new, once.
            migrationBuilder.DropTable(
                name: "InboundActivities");

            migrationBuilder.AddColumn<string>(
                name: "RecentDeliveries",
                table: "Conversations",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RecentDeliveries",
                table: "Conversations");

            migrationBuilder.CreateTable(
                name: "InboundActivities",
                columns: table => new
                {
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboundActivities", x => x.Hash);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InboundActivities_ReceivedAt",
                table: "InboundActivities",
                column: "ReceivedAt");
        }
    }
}
