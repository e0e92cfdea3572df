using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace CjpPortal.Core.Migrations
{
    /// <inheritdoc />
    public partial class EngagementRouteSearchVector : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "engagement_routes",
                type: "tsvector",
                nullable: false,
                computedColumnSql: "to_tsvector('english'::regconfig, title || ' ' || coalesce(description, ''))",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_engagement_routes_search_vector",
                table: "engagement_routes",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_engagement_routes_search_vector",
                table: "engagement_routes");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "engagement_routes");
        }
    }
}
