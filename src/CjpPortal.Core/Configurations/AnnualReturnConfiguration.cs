using CjpPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CjpPortal.Core.Configurations;

public sealed class AnnualReturnConfiguration : IEntityTypeConfiguration<AnnualReturn>
{
    public void Configure(EntityTypeBuilder<AnnualReturn> builder)
    {
        builder.ToTable("annual_returns", t =>
            t.HasCheckConstraint("ck_annual_returns_reporting_year_start", "reporting_year_start BETWEEN 2017 AND 2100"));
        builder.HasKey(r => r.Id).HasName("pk_annual_returns");
        builder.Property(r => r.Id).HasColumnName("id");
        builder.Property(r => r.PartnershipId).HasColumnName("partnership_id");
        builder.Property(r => r.ReportingYearStart).HasColumnName("reporting_year_start");
        builder.Property(r => r.DueOn).HasColumnName("due_on").HasColumnType("date");
        builder.Property(r => r.SubmittedOn).HasColumnName("submitted_on").HasColumnType("date");
        builder.Property(r => r.PublishedReportLink).HasColumnName("published_report_link").HasColumnType("character varying(500)");
        builder.Property(r => r.PublishedOn).HasColumnName("published_on").HasColumnType("date");
        builder.HasIndex(r => new { r.PartnershipId, r.ReportingYearStart }).IsUnique().HasDatabaseName(ConstraintNames.AnnualReturnYear);
        builder.HasOne(r => r.Partnership).WithMany(p => p.AnnualReturns).HasForeignKey(r => r.PartnershipId)
            .HasConstraintName("fk_annual_returns_partnerships_partnership_id").OnDelete(DeleteBehavior.Cascade);
    }
}
