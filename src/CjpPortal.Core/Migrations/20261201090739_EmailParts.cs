using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CjpPortal.Core.Migrations
{
    /// <inheritdoc />
    public partial class EmailParts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "headers",
                table: "email_outbox",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "html_body",
                table: "email_outbox",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "headers",
                table: "email_outbox");

            migrationBuilder.DropColumn(
                name: "html_body",
                table: "email_outbox");
        }
    }
}
