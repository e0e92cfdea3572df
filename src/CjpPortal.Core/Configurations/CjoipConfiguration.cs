using CjpPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CjpPortal.Core.Configurations;

public sealed class CjoipConfiguration : IEntityTypeConfiguration<Cjoip>
{
    public void Configure(EntityTypeBuilder<Cjoip> builder)
    {
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_cjoips_period", "period_end > period_start");
            t.HasCheckConstraint("ck_cjoips_consultation_dates",
                "consultation_opens_on IS NULL OR consultation_closes_on IS NULL OR consultation_closes_on >= consultation_opens_on");
        });
        builder.HasKey(c => c.Id);
        // PostgreSQL's row version: a save made from a stale form is refused instead of overwriting someone else's change.
        builder.Property<uint>(ConcurrencyToken.PropertyName).IsRowVersion();
        builder.Property(c => c.PeriodStart).HasColumnType("date");
        builder.Property(c => c.PeriodEnd).HasColumnType("date");
        builder.Property(c => c.ConsultationOpensOn).HasColumnType("date");
        builder.Property(c => c.ConsultationClosesOn).HasColumnType("date");
        builder.Property(c => c.Link).HasMaxLength(Cjoip.LinkMaxLength);
        builder.Property(c => c.PublishedOn).HasColumnType("date");
        builder.Property(c => c.ConsultationResponseLink).HasMaxLength(Cjoip.LinkMaxLength);
        builder.Property(c => c.ConsultationResponseEmail).HasMaxLength(Cjoip.ResponseEmailMaxLength);
        builder.HasOne(c => c.Document).WithMany().HasForeignKey(c => c.DocumentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => new { c.PartnershipId, c.PeriodStart });
        builder.HasOne(c => c.Partnership).WithMany(p => p.Cjoips).HasForeignKey(c => c.PartnershipId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
