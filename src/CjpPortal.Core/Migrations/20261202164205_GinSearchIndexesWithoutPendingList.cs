using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CjpPortal.Core.Migrations
{
    /// <inheritdoc />
    public partial class GinSearchIndexesWithoutPendingList : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_organisations_name_trgm",
                table: "organisations");

            migrationBuilder.DropIndex(
                name: "ix_organisations_search_text_trgm",
                table: "organisations");

            migrationBuilder.DropIndex(
                name: "ix_organisations_search_vector",
                table: "organisations");

            migrationBuilder.DropIndex(
                name: "ix_organisations_themes",
                table: "organisations");

            migrationBuilder.DropIndex(
                name: "ix_organisation_services_search_text_trgm",
                table: "organisation_services");

            migrationBuilder.DropIndex(
                name: "ix_organisation_services_search_vector",
                table: "organisation_services");

            migrationBuilder.DropIndex(
                name: "ix_organisation_services_themes",
                table: "organisation_services");

            migrationBuilder.DropIndex(
                name: "ix_engagement_routes_search_vector",
                table: "engagement_routes");

            migrationBuilder.CreateIndex(
                name: "ix_organisations_name_trgm",
                table: "organisations",
                column: "name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" })
                .Annotation("Npgsql:StorageParameter:fastupdate", false);

            migrationBuilder.CreateIndex(
                name: "ix_organisations_search_text_trgm",
                table: "organisations",
                column: "search_text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" })
                .Annotation("Npgsql:StorageParameter:fastupdate", false);

            migrationBuilder.CreateIndex(
                name: "ix_organisations_search_vector",
                table: "organisations",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:StorageParameter:fastupdate", false);

            migrationBuilder.CreateIndex(
                name: "ix_organisations_themes",
                table: "organisations",
                column: "themes")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:StorageParameter:fastupdate", false);

            migrationBuilder.CreateIndex(
                name: "ix_organisation_services_search_text_trgm",
                table: "organisation_services",
                column: "search_text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" })
                .Annotation("Npgsql:StorageParameter:fastupdate", false);

            migrationBuilder.CreateIndex(
                name: "ix_organisation_services_search_vector",
                table: "organisation_services",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:StorageParameter:fastupdate", false);

            migrationBuilder.CreateIndex(
                name: "ix_organisation_services_themes",
                table: "organisation_services",
                column: "themes")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:StorageParameter:fastupdate", false);

            migrationBuilder.CreateIndex(
                name: "ix_engagement_routes_search_vector",
                table: "engagement_routes",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:StorageParameter:fastupdate", false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_organisations_name_trgm",
                table: "organisations");

            migrationBuilder.DropIndex(
                name: "ix_organisations_search_text_trgm",
                table: "organisations");

            migrationBuilder.DropIndex(
                name: "ix_organisations_search_vector",
                table: "organisations");

            migrationBuilder.DropIndex(
                name: "ix_organisations_themes",
                table: "organisations");

            migrationBuilder.DropIndex(
                name: "ix_organisation_services_search_text_trgm",
                table: "organisation_services");

            migrationBuilder.DropIndex(
                name: "ix_organisation_services_search_vector",
                table: "organisation_services");

            migrationBuilder.DropIndex(
                name: "ix_organisation_services_themes",
                table: "organisation_services");

            migrationBuilder.DropIndex(
                name: "ix_engagement_routes_search_vector",
                table: "engagement_routes");

            migrationBuilder.CreateIndex(
                name: "ix_organisations_name_trgm",
                table: "organisations",
                column: "name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_organisations_search_text_trgm",
                table: "organisations",
                column: "search_text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_organisations_search_vector",
                table: "organisations",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_organisations_themes",
                table: "organisations",
                column: "themes")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_organisation_services_search_text_trgm",
                table: "organisation_services",
                column: "search_text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_organisation_services_search_vector",
                table: "organisation_services",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_organisation_services_themes",
                table: "organisation_services",
                column: "themes")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_engagement_routes_search_vector",
                table: "engagement_routes",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");
        }
    }
}
