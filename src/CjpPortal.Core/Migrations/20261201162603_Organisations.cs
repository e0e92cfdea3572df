using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

#nullable disable

namespace CjpPortal.Core.Migrations
{
    /// <inheritdoc />
    public partial class Organisations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "organisations",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    charity_number = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    website = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    contact_email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    contact_email_verified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    public_email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    moderation_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    moderated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    confirmed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    link_stamp = table.Column<Guid>(type: "uuid", nullable: false),
                    covers_all_of_scotland = table.Column<bool>(type: "boolean", nullable: false),
                    themes = table.Column<int[]>(type: "integer[]", nullable: false),
                    route_kinds = table.Column<int[]>(type: "integer[]", nullable: false),
                    search_text = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: false, computedColumnSql: "setweight(to_tsvector('english'::regconfig, coalesce(name, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(search_text, '')), 'B')", stored: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organisations", x => x.id);
                    table.CheckConstraint("ck_organisations_charity_number", "charity_number ~ '^SC[0-9]{6}$'");
                });

            migrationBuilder.CreateTable(
                name: "organisation_areas",
                columns: table => new
                {
                    organisation_id = table.Column<int>(type: "integer", nullable: false),
                    council_area_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organisation_areas", x => new { x.organisation_id, x.council_area_id });
                    table.ForeignKey(
                        name: "fk_organisation_areas_council_areas_council_area_id",
                        column: x => x.council_area_id,
                        principalTable: "council_areas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_organisation_areas_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "organisation_services",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    organisation_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    who_it_is_for = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    how_to_access = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    website = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    covers_all_of_scotland = table.Column<bool>(type: "boolean", nullable: false),
                    themes = table.Column<int[]>(type: "integer[]", nullable: false),
                    display_order = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    search_text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: false, computedColumnSql: "setweight(to_tsvector('english'::regconfig, coalesce(name, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(search_text, '')), 'B')", stored: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organisation_services", x => x.id);
                    table.ForeignKey(
                        name: "fk_organisation_services_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "organisation_service_areas",
                columns: table => new
                {
                    service_id = table.Column<int>(type: "integer", nullable: false),
                    council_area_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organisation_service_areas", x => new { x.service_id, x.council_area_id });
                    table.ForeignKey(
                        name: "fk_organisation_service_areas_council_areas_council_area_id",
                        column: x => x.council_area_id,
                        principalTable: "council_areas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_organisation_service_areas_organisation_services_service_id",
                        column: x => x.service_id,
                        principalTable: "organisation_services",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_organisation_areas_council_area_id",
                table: "organisation_areas",
                column: "council_area_id");

            migrationBuilder.CreateIndex(
                name: "ix_organisation_service_areas_council_area_id",
                table: "organisation_service_areas",
                column: "council_area_id");

            migrationBuilder.CreateIndex(
                name: "ix_organisation_services_organisation_id",
                table: "organisation_services",
                column: "organisation_id");

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
                name: "ix_organisations_charity_number",
                table: "organisations",
                column: "charity_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_organisations_contact_email",
                table: "organisations",
                column: "contact_email");

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
                name: "ix_organisations_status",
                table: "organisations",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_organisations_themes",
                table: "organisations",
                column: "themes")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "organisation_areas");

            migrationBuilder.DropTable(
                name: "organisation_service_areas");

            migrationBuilder.DropTable(
                name: "organisation_services");

            migrationBuilder.DropTable(
                name: "organisations");
        }
    }
}
