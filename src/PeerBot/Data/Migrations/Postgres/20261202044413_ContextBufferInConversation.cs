using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PeerBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ContextBufferInConversation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ContextBuffer",
                table: "Conversations",
                type: "text",
                nullable: true);

            // The context buffer moves into the conversation row. Its old lines (rows without a handoff, transient by
            // design: a day's retention at most) are not carried over but deleted, so none is left behind unswept.
            migrationBuilder.Sql("""DELETE FROM "HandoffTranscript" WHERE "HandoffId" IS NULL;""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ContextBuffer",
                table: "Conversations");
        }
    }
}
