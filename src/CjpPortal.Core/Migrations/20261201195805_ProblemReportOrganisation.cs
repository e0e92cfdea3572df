using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CjpPortal.Core.Migrations
{
    /// <inheritdoc />
    public partial class ProblemReportOrganisation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "partnership_id",
                table: "problem_reports",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddColumn<int>(
                name: "organisation_id",
                table: "problem_reports",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_problem_reports_organisation_id_resolved_at_reported_at",
                table: "problem_reports",
                columns: new[] { "organisation_id", "resolved_at", "reported_at" });

            migrationBuilder.AddCheckConstraint(
                name: "ck_problem_reports_about_one",
                table: "problem_reports",
                sql: "(partnership_id IS NULL) <> (organisation_id IS NULL)");

            migrationBuilder.AddForeignKey(
                name: "fk_problem_reports_organisations_organisation_id",
                table: "problem_reports",
                column: "organisation_id",
                principalTable: "organisations",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_problem_reports_organisations_organisation_id",
                table: "problem_reports");

            migrationBuilder.DropIndex(
                name: "ix_problem_reports_organisation_id_resolved_at_reported_at",
                table: "problem_reports");

            migrationBuilder.DropCheckConstraint(
                name: "ck_problem_reports_about_one",
                table: "problem_reports");

            migrationBuilder.DropColumn(
                name: "organisation_id",
                table: "problem_reports");

            migrationBuilder.AlterColumn<int>(
                name: "partnership_id",
                table: "problem_reports",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);
        }
    }
}
