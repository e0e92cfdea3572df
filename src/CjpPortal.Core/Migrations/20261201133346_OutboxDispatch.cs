using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CjpPortal.Core.Migrations
{
    /// <inheritdoc />
    public partial class OutboxDispatch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "attempts",
                table: "email_outbox",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "last_error",
                table: "email_outbox",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "lease_expires_at",
                table: "email_outbox",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "lease_owner",
                table: "email_outbox",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "next_attempt_at",
                table: "email_outbox",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<int>(
                name: "status",
                table: "email_outbox",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Rows queued before the dispatcher existed: sent ones (none were) stay sent, the rest are due now. The
            // defaults only fill existing rows; the model has none, and the schema drift test compares defaults.
            migrationBuilder.Sql("""
                UPDATE email_outbox SET status = CASE WHEN sent_at IS NULL THEN 1 ELSE 3 END, next_attempt_at = created_at;
                ALTER TABLE email_outbox ALTER COLUMN status DROP DEFAULT;
                ALTER TABLE email_outbox ALTER COLUMN attempts DROP DEFAULT;
                ALTER TABLE email_outbox ALTER COLUMN next_attempt_at DROP DEFAULT;
                """);

            migrationBuilder.CreateTable(
                name: "suppressed_addresses",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    address_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_suppressed_addresses", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_email_outbox_status_next_attempt_at",
                table: "email_outbox",
                columns: new[] { "status", "next_attempt_at" });

            migrationBuilder.AddCheckConstraint(
                name: "ck_email_outbox_status",
                table: "email_outbox",
                sql: "status BETWEEN 1 AND 5");

            migrationBuilder.CreateIndex(
                name: "ix_suppressed_addresses_address_hash",
                table: "suppressed_addresses",
                column: "address_hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "suppressed_addresses");

            migrationBuilder.DropIndex(
                name: "ix_email_outbox_status_next_attempt_at",
                table: "email_outbox");

            migrationBuilder.DropCheckConstraint(
                name: "ck_email_outbox_status",
                table: "email_outbox");

            migrationBuilder.DropColumn(
                name: "attempts",
                table: "email_outbox");

            migrationBuilder.DropColumn(
                name: "last_error",
                table: "email_outbox");

            migrationBuilder.DropColumn(
                name: "lease_expires_at",
                table: "email_outbox");

            migrationBuilder.DropColumn(
                name: "lease_owner",
                table: "email_outbox");

            migrationBuilder.DropColumn(
                name: "next_attempt_at",
                table: "email_outbox");

            migrationBuilder.DropColumn(
                name: "status",
                table: "email_outbox");
        }
    }
}
