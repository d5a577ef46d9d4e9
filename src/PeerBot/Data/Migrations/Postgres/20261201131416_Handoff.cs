using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PeerBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Handoff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClientUnreachableAt",
                table: "Handoffs",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClientUnreachableAt",
                table: "Handoffs");
        }
    }
}
