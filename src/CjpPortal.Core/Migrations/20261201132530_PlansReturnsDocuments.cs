using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CjpPortal.Core.Migrations
{
    /// <inheritdoc />
    public partial class PlansReturnsDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "document_id",
                table: "participation_statements",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int[]>(
                name: "route_kinds",
                table: "participation_statements",
                type: "integer[]",
                nullable: false,
                defaultValue: new int[0]);

            // The empty default only fills existing rows; new rows always say which kinds were used, as the model does.
            migrationBuilder.Sql("ALTER TABLE participation_statements ALTER COLUMN route_kinds DROP DEFAULT;");

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "participation_statements",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<string>(
                name: "consultation_response_email",
                table: "cjoips",
                type: "character varying(320)",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "consultation_response_link",
                table: "cjoips",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "document_id",
                table: "cjoips",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "cjoips",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<int>(
                name: "board_third_sector_seats",
                table: "annual_returns",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "report_document_id",
                table: "annual_returns",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "annual_returns",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.CreateTable(
                name: "documents",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    partnership_id = table.Column<int>(type: "integer", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    format = table.Column<int>(type: "integer", nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    uploaded_by_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_documents", x => x.id);
                    table.CheckConstraint("ck_documents_format", "format IN (1, 2, 3)");
                    table.CheckConstraint("ck_documents_size", "size_bytes > 0 AND size_bytes <= 20971520");
                    table.ForeignKey(
                        name: "fk_documents_partnerships_partnership_id",
                        column: x => x.partnership_id,
                        principalTable: "partnerships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "participation_statement_routes",
                columns: table => new
                {
                    participation_statement_id = table.Column<int>(type: "integer", nullable: false),
                    engagement_route_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_participation_statement_routes", x => new { x.participation_statement_id, x.engagement_route_id });
                    table.ForeignKey(
                        name: "fk_participation_statement_routes_engagement_routes_engagement",
                        column: x => x.engagement_route_id,
                        principalTable: "engagement_routes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_participation_statement_routes_participation_statements_par",
                        column: x => x.participation_statement_id,
                        principalTable: "participation_statements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "return_stage_engagements",
                columns: table => new
                {
                    annual_return_id = table.Column<int>(type: "integer", nullable: false),
                    stage = table.Column<int>(type: "integer", nullable: false),
                    involvement = table.Column<int>(type: "integer", nullable: false),
                    route_kinds = table.Column<int[]>(type: "integer[]", nullable: false),
                    organisation_count = table.Column<int>(type: "integer", nullable: true),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_return_stage_engagements", x => new { x.annual_return_id, x.stage });
                    table.CheckConstraint("ck_return_stage_engagements_involvement", "involvement BETWEEN 1 AND 3");
                    table.CheckConstraint("ck_return_stage_engagements_organisation_count", "organisation_count IS NULL OR organisation_count >= 0");
                    table.CheckConstraint("ck_return_stage_engagements_stage", "stage BETWEEN 1 AND 4");
                    table.ForeignKey(
                        name: "fk_return_stage_engagements_annual_returns_annual_return_id",
                        column: x => x.annual_return_id,
                        principalTable: "annual_returns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "document_contents",
                columns: table => new
                {
                    document_id = table.Column<int>(type: "integer", nullable: false),
                    bytes = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_document_contents", x => x.document_id);
                    table.ForeignKey(
                        name: "fk_document_contents_documents_document_id",
                        column: x => x.document_id,
                        principalTable: "documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_participation_statements_document_id",
                table: "participation_statements",
                column: "document_id");

            migrationBuilder.CreateIndex(
                name: "ix_cjoips_document_id",
                table: "cjoips",
                column: "document_id");

            migrationBuilder.CreateIndex(
                name: "ix_annual_returns_report_document_id",
                table: "annual_returns",
                column: "report_document_id");

            migrationBuilder.AddCheckConstraint(
                name: "ck_annual_returns_board_third_sector_seats",
                table: "annual_returns",
                sql: "board_third_sector_seats IS NULL OR board_third_sector_seats >= 0");

            migrationBuilder.CreateIndex(
                name: "ix_documents_partnership_id",
                table: "documents",
                column: "partnership_id");

            migrationBuilder.CreateIndex(
                name: "ix_participation_statement_routes_engagement_route_id",
                table: "participation_statement_routes",
                column: "engagement_route_id");

            migrationBuilder.AddForeignKey(
                name: "fk_annual_returns_documents_report_document_id",
                table: "annual_returns",
                column: "report_document_id",
                principalTable: "documents",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "fk_cjoips_documents_document_id",
                table: "cjoips",
                column: "document_id",
                principalTable: "documents",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "fk_participation_statements_documents_document_id",
                table: "participation_statements",
                column: "document_id",
                principalTable: "documents",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_annual_returns_documents_report_document_id",
                table: "annual_returns");

            migrationBuilder.DropForeignKey(
                name: "fk_cjoips_documents_document_id",
                table: "cjoips");

            migrationBuilder.DropForeignKey(
                name: "fk_participation_statements_documents_document_id",
                table: "participation_statements");

            migrationBuilder.DropTable(
                name: "document_contents");

            migrationBuilder.DropTable(
                name: "participation_statement_routes");

            migrationBuilder.DropTable(
                name: "return_stage_engagements");

            migrationBuilder.DropTable(
                name: "documents");

            migrationBuilder.DropIndex(
                name: "ix_participation_statements_document_id",
                table: "participation_statements");

            migrationBuilder.DropIndex(
                name: "ix_cjoips_document_id",
                table: "cjoips");

            migrationBuilder.DropIndex(
                name: "ix_annual_returns_report_document_id",
                table: "annual_returns");

            migrationBuilder.DropCheckConstraint(
                name: "ck_annual_returns_board_third_sector_seats",
                table: "annual_returns");

            migrationBuilder.DropColumn(
                name: "document_id",
                table: "participation_statements");

            migrationBuilder.DropColumn(
                name: "route_kinds",
                table: "participation_statements");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "participation_statements");

            migrationBuilder.DropColumn(
                name: "consultation_response_email",
                table: "cjoips");

            migrationBuilder.DropColumn(
                name: "consultation_response_link",
                table: "cjoips");

            migrationBuilder.DropColumn(
                name: "document_id",
                table: "cjoips");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "cjoips");

            migrationBuilder.DropColumn(
                name: "board_third_sector_seats",
                table: "annual_returns");

            migrationBuilder.DropColumn(
                name: "report_document_id",
                table: "annual_returns");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "annual_returns");
        }
    }
}
