using CjpPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CjpPortal.Core.Configurations;

public sealed class AnnualReturnConfiguration : IEntityTypeConfiguration<AnnualReturn>
{
    public void Configure(EntityTypeBuilder<AnnualReturn> builder)
    {
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_annual_returns_reporting_year_start", "reporting_year_start BETWEEN 2017 AND 2100");
            t.HasCheckConstraint("ck_annual_returns_board_third_sector_seats", "board_third_sector_seats IS NULL OR board_third_sector_seats >= 0");
        });
        builder.HasKey(r => r.Id);
        builder.Property<uint>(ConcurrencyToken.PropertyName).IsRowVersion();
        builder.HasOne(r => r.ReportDocument).WithMany().HasForeignKey(r => r.ReportDocumentId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(r => r.DueOn).HasColumnType("date");
        builder.Property(r => r.SubmittedOn).HasColumnType("date");
        builder.Property(r => r.PublishedReportLink).HasMaxLength(AnnualReturn.PublishedReportLinkMaxLength);
        builder.Property(r => r.PublishedOn).HasColumnType("date");
        builder.HasIndex(r => new { r.PartnershipId, r.ReportingYearStart }).IsUnique().HasDatabaseName(ConstraintNames.AnnualReturnYear);
        builder.HasOne(r => r.Partnership).WithMany(p => p.AnnualReturns).HasForeignKey(r => r.PartnershipId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
