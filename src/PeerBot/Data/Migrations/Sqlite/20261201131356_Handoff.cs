using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PeerBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Handoff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ClientUnreachableAt",
                table: "Handoffs",
                type: "INTEGER",
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
