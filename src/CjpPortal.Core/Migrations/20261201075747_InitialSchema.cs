using System;
using System.Collections.Generic;
using CjpPortal.Core.Database;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CjpPortal.Core.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:CollationDefinition:case_insensitive", "und-u-ks-level2,und-u-ks-level2,icu,False");

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_email = table.Column<string>(type: "character varying(256)", nullable: false),
                    partnership_id = table.Column<int>(type: "integer", nullable: true),
                    entity = table.Column<string>(type: "character varying(100)", nullable: false),
                    entity_id = table.Column<int>(type: "integer", nullable: false),
                    field = table.Column<string>(type: "character varying(100)", nullable: false),
                    old_value = table.Column<string>(type: "text", nullable: true),
                    new_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "email_outbox",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    to_address = table.Column<string>(type: "character varying(320)", nullable: false),
                    subject = table.Column<string>(type: "character varying(300)", nullable: false),
                    text_body = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_email_outbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "roles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    security_stamp = table.Column<string>(type: "text", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                    phone_number = table.Column<string>(type: "text", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "role_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_role_claims_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "invitations",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    token_hash = table.Column<string>(type: "character varying(64)", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invitations", x => x.id);
                    table.ForeignKey(
                        name: "fk_invitations_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_user_claims_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    provider_key = table.Column<string>(type: "text", nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_user_logins_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_roles",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_user_roles_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_user_roles_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_tokens",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_user_tokens_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "annual_returns",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    partnership_id = table.Column<int>(type: "integer", nullable: false),
                    reporting_year_start = table.Column<int>(type: "integer", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    submitted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    published_report_link = table.Column<string>(type: "character varying(500)", nullable: true),
                    published_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_annual_returns", x => x.id);
                    table.CheckConstraint("ck_annual_returns_reporting_year_start", "reporting_year_start BETWEEN 2017 AND 2100");
                });

            migrationBuilder.CreateTable(
                name: "cjoips",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    partnership_id = table.Column<int>(type: "integer", nullable: false),
                    period_start = table.Column<DateOnly>(type: "date", nullable: false),
                    period_end = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    consultation_opens_on = table.Column<DateOnly>(type: "date", nullable: true),
                    consultation_closes_on = table.Column<DateOnly>(type: "date", nullable: true),
                    link = table.Column<string>(type: "character varying(500)", nullable: true),
                    published_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cjoips", x => x.id);
                    table.CheckConstraint("ck_cjoips_consultation_dates", "consultation_opens_on IS NULL OR consultation_closes_on IS NULL OR consultation_closes_on >= consultation_opens_on");
                    table.CheckConstraint("ck_cjoips_period", "period_end > period_start");
                });

            migrationBuilder.CreateTable(
                name: "participation_statements",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    cjoip_id = table.Column<int>(type: "integer", nullable: false),
                    published_on = table.Column<DateOnly>(type: "date", nullable: true),
                    link = table.Column<string>(type: "character varying(500)", nullable: true),
                    summary = table.Column<string>(type: "character varying(4000)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_participation_statements", x => x.id);
                    table.ForeignKey(
                        name: "fk_participation_statements_cjoips_cjoip_id",
                        column: x => x.cjoip_id,
                        principalTable: "cjoips",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contacts",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    partnership_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", nullable: false),
                    role = table.Column<string>(type: "character varying(200)", nullable: false),
                    is_coordinator = table.Column<bool>(type: "boolean", nullable: false),
                    email = table.Column<string>(type: "character varying(320)", nullable: true),
                    phone = table.Column<string>(type: "character varying(40)", nullable: true),
                    is_published = table.Column<bool>(type: "boolean", nullable: false),
                    display_order = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contacts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "partnerships",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(200)", nullable: false),
                    slug = table.Column<string>(type: "character varying(80)", nullable: false),
                    website = table.Column<string>(type: "character varying(500)", nullable: true),
                    governance_notes = table.Column<string>(type: "character varying(4000)", nullable: true),
                    coordinator_post_vacant = table.Column<bool>(type: "boolean", nullable: false),
                    fallback_contact_id = table.Column<int>(type: "integer", nullable: true),
                    last_confirmed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partnerships", x => x.id);
                    table.ForeignKey(
                        name: "fk_partnerships_contacts_fallback_contact_id",
                        column: x => x.fallback_contact_id,
                        principalTable: "contacts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "council_areas",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    gss_code = table.Column<string>(type: "character(9)", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", nullable: false),
                    aliases = table.Column<List<string>>(type: "text[]", nullable: false),
                    partnership_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_council_areas", x => x.id);
                    table.ForeignKey(
                        name: "fk_council_areas_partnerships_partnership_id",
                        column: x => x.partnership_id,
                        principalTable: "partnerships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "engagement_routes",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    partnership_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    representation_kind = table.Column<int>(type: "integer", nullable: true),
                    title = table.Column<string>(type: "character varying(200)", nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", nullable: true),
                    how_to_join = table.Column<string>(type: "character varying(2000)", nullable: true),
                    contact_name = table.Column<string>(type: "character varying(200)", nullable: true),
                    contact_email = table.Column<string>(type: "character varying(320)", nullable: true),
                    meeting_frequency = table.Column<string>(type: "character varying(200)", nullable: true),
                    format = table.Column<int>(type: "integer", nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    display_order = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_engagement_routes", x => x.id);
                    table.ForeignKey(
                        name: "fk_engagement_routes_partnerships_partnership_id",
                        column: x => x.partnership_id,
                        principalTable: "partnerships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "partnership_coordinators",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    partnership_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partnership_coordinators", x => new { x.user_id, x.partnership_id });
                    table.ForeignKey(
                        name: "fk_partnership_coordinators_partnerships_partnership_id",
                        column: x => x.partnership_id,
                        principalTable: "partnerships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_partnership_coordinators_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "third_sector_interfaces",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    council_area_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", nullable: false),
                    website = table.Column<string>(type: "character varying(500)", nullable: true),
                    email = table.Column<string>(type: "character varying(320)", nullable: true),
                    phone = table.Column<string>(type: "character varying(40)", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_third_sector_interfaces", x => x.id);
                    table.ForeignKey(
                        name: "fk_third_sector_interfaces_council_areas_council_area_id",
                        column: x => x.council_area_id,
                        principalTable: "council_areas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_annual_returns_partnership_id_reporting_year_start",
                table: "annual_returns",
                columns: new[] { "partnership_id", "reporting_year_start" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_partnership_id_occurred_at",
                table: "audit_entries",
                columns: new[] { "partnership_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_cjoips_partnership_id_period_start",
                table: "cjoips",
                columns: new[] { "partnership_id", "period_start" });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_partnership_id_display_order",
                table: "contacts",
                columns: new[] { "partnership_id", "display_order" });

            migrationBuilder.CreateIndex(
                name: "ix_council_areas_gss_code",
                table: "council_areas",
                column: "gss_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_council_areas_partnership_id",
                table: "council_areas",
                column: "partnership_id");

            migrationBuilder.CreateIndex(
                name: "ix_email_outbox_sent_at",
                table: "email_outbox",
                column: "sent_at");

            migrationBuilder.CreateIndex(
                name: "ix_engagement_routes_partnership_id_title",
                table: "engagement_routes",
                columns: new[] { "partnership_id", "title" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_invitations_token_hash",
                table: "invitations",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_invitations_user_id",
                table: "invitations",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_participation_statements_cjoip_id",
                table: "participation_statements",
                column: "cjoip_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_partnership_coordinators_partnership_id",
                table: "partnership_coordinators",
                column: "partnership_id");

            migrationBuilder.CreateIndex(
                name: "ix_partnerships_fallback_contact_id",
                table: "partnerships",
                column: "fallback_contact_id");

            migrationBuilder.CreateIndex(
                name: "ix_partnerships_name",
                table: "partnerships",
                column: "name",
                unique: true)
                .Annotation("Relational:Collation", new[] { "case_insensitive" });

            migrationBuilder.CreateIndex(
                name: "ix_partnerships_slug",
                table: "partnerships",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_role_claims_role_id",
                table: "role_claims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "ix_roles_normalized_name",
                table: "roles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_third_sector_interfaces_council_area_id",
                table: "third_sector_interfaces",
                column: "council_area_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_user_claims_user_id",
                table: "user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_logins_user_id",
                table: "user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_roles_role_id",
                table: "user_roles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "ix_users_normalized_email",
                table: "users",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "ix_users_normalized_user_name",
                table: "users",
                column: "normalized_user_name",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_annual_returns_partnerships_partnership_id",
                table: "annual_returns",
                column: "partnership_id",
                principalTable: "partnerships",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_cjoips_partnerships_partnership_id",
                table: "cjoips",
                column: "partnership_id",
                principalTable: "partnerships",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_contacts_partnerships_partnership_id",
                table: "contacts",
                column: "partnership_id",
                principalTable: "partnerships",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            // What the model cannot express, from versioned files in Database/Sql.
            migrationBuilder.Sql(SqlScripts.Read("fn_audit_entries_append_only_v1.sql"));
            migrationBuilder.Sql(SqlScripts.Read("trg_audit_entries_append_only_v1.sql"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER audit_entries_append_only ON audit_entries;");
            migrationBuilder.Sql("DROP FUNCTION audit_entries_append_only();");

            migrationBuilder.DropForeignKey(
                name: "fk_contacts_partnerships_partnership_id",
                table: "contacts");

            migrationBuilder.DropTable(
                name: "annual_returns");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "email_outbox");

            migrationBuilder.DropTable(
                name: "engagement_routes");

            migrationBuilder.DropTable(
                name: "invitations");

            migrationBuilder.DropTable(
                name: "participation_statements");

            migrationBuilder.DropTable(
                name: "partnership_coordinators");

            migrationBuilder.DropTable(
                name: "role_claims");

            migrationBuilder.DropTable(
                name: "third_sector_interfaces");

            migrationBuilder.DropTable(
                name: "user_claims");

            migrationBuilder.DropTable(
                name: "user_logins");

            migrationBuilder.DropTable(
                name: "user_roles");

            migrationBuilder.DropTable(
                name: "user_tokens");

            migrationBuilder.DropTable(
                name: "cjoips");

            migrationBuilder.DropTable(
                name: "council_areas");

            migrationBuilder.DropTable(
                name: "roles");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "partnerships");

            migrationBuilder.DropTable(
                name: "contacts");
        }
    }
}
