using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CjpPortal.Core.Migrations
{
    /// <inheritdoc />
    public partial class ForumUpdates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "forum_updates",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    partnership_id = table.Column<int>(type: "integer", nullable: true),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    place = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    online_link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    engagement_route_id = table.Column<int>(type: "integer", nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    corrected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_forum_updates", x => x.id);
                    table.CheckConstraint("ck_forum_updates_meeting_ends", "ends_at IS NULL OR (starts_at IS NOT NULL AND ends_at > starts_at)");
                    table.CheckConstraint("ck_forum_updates_meeting_starts", "kind <> 1 OR starts_at IS NOT NULL");
                    table.CheckConstraint("ck_forum_updates_online_link", "online_link IS NULL OR online_link LIKE 'https://%'");
                    table.ForeignKey(
                        name: "fk_forum_updates_engagement_routes_engagement_route_id",
                        column: x => x.engagement_route_id,
                        principalTable: "engagement_routes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_forum_updates_partnerships_partnership_id",
                        column: x => x.partnership_id,
                        principalTable: "partnerships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_forum_updates_engagement_route_id",
                table: "forum_updates",
                column: "engagement_route_id");

            migrationBuilder.CreateIndex(
                name: "ix_forum_updates_partnership_id_published_at",
                table: "forum_updates",
                columns: new[] { "partnership_id", "published_at" });

            migrationBuilder.CreateIndex(
                name: "ix_forum_updates_published_at",
                table: "forum_updates",
                column: "published_at");

            migrationBuilder.CreateIndex(
                name: "ix_forum_updates_starts_at",
                table: "forum_updates",
                column: "starts_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "forum_updates");
        }
    }
}
