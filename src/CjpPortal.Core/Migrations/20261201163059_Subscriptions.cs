using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CjpPortal.Core.Migrations
{
    /// <inheritdoc />
    public partial class Subscriptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "broadcasts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    partnership_id = table.Column<int>(type: "integer", nullable: true),
                    topic = table.Column<int>(type: "integer", nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    text_body = table.Column<string>(type: "text", nullable: false),
                    html_body = table.Column<string>(type: "text", nullable: true),
                    link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    fanned_out_through_subscriber_id = table.Column<long>(type: "bigint", nullable: false),
                    fanned_out_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_broadcasts", x => x.id);
                    table.CheckConstraint("ck_broadcasts_topic", "topic IN (1, 2, 4)");
                    table.ForeignKey(
                        name: "fk_broadcasts_partnerships_partnership_id",
                        column: x => x.partnership_id,
                        principalTable: "partnerships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "subscribers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    confirmed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    stamp = table.Column<Guid>(type: "uuid", nullable: false),
                    last_confirmation_sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    all_of_scotland = table.Column<bool>(type: "boolean", nullable: false),
                    topics = table.Column<int>(type: "integer", nullable: false),
                    frequency = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subscribers", x => x.id);
                    table.CheckConstraint("ck_subscribers_frequency", "frequency BETWEEN 1 AND 2");
                    table.CheckConstraint("ck_subscribers_topics", "topics BETWEEN 1 AND 7");
                });

            migrationBuilder.CreateTable(
                name: "unsubscribed_addresses",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    address_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unsubscribed_addresses", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "subscriber_partnerships",
                columns: table => new
                {
                    subscriber_id = table.Column<long>(type: "bigint", nullable: false),
                    partnership_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subscriber_partnerships", x => new { x.subscriber_id, x.partnership_id });
                    table.ForeignKey(
                        name: "fk_subscriber_partnerships_partnerships_partnership_id",
                        column: x => x.partnership_id,
                        principalTable: "partnerships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_subscriber_partnerships_subscribers_subscriber_id",
                        column: x => x.subscriber_id,
                        principalTable: "subscribers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_broadcasts_created_at",
                table: "broadcasts",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_broadcasts_fanned_out_at",
                table: "broadcasts",
                column: "fanned_out_at");

            migrationBuilder.CreateIndex(
                name: "ix_broadcasts_partnership_id",
                table: "broadcasts",
                column: "partnership_id");

            migrationBuilder.CreateIndex(
                name: "ix_subscriber_partnerships_partnership_id_subscriber_id",
                table: "subscriber_partnerships",
                columns: new[] { "partnership_id", "subscriber_id" });

            migrationBuilder.CreateIndex(
                name: "ix_subscribers_confirmed_at_created_at",
                table: "subscribers",
                columns: new[] { "confirmed_at", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_subscribers_email",
                table: "subscribers",
                column: "email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_unsubscribed_addresses_address_hash",
                table: "unsubscribed_addresses",
                column: "address_hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "broadcasts");

            migrationBuilder.DropTable(
                name: "subscriber_partnerships");

            migrationBuilder.DropTable(
                name: "unsubscribed_addresses");

            migrationBuilder.DropTable(
                name: "subscribers");
        }
    }
}
