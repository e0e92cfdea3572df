using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CjpPortal.Core.Migrations
{
    /// <inheritdoc />
    public partial class ConfirmedByCjsStaff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "last_confirmed_by_cjs_staff",
                table: "partnerships",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // The default only fills the existing rows; the model has none, and the drift test compares the two.
            migrationBuilder.Sql("ALTER TABLE partnerships ALTER COLUMN last_confirmed_by_cjs_staff DROP DEFAULT;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "last_confirmed_by_cjs_staff",
                table: "partnerships");
        }
    }
}
