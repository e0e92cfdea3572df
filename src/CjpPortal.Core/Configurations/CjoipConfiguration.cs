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
        builder.Property(c => c.PeriodStart).HasColumnType("date");
        builder.Property(c => c.PeriodEnd).HasColumnType("date");
        builder.Property(c => c.Status).HasColumnType("integer");
        builder.Property(c => c.ConsultationOpensOn).HasColumnType("date");
        builder.Property(c => c.ConsultationClosesOn).HasColumnType("date");
        builder.Property(c => c.Link).HasColumnType("character varying(500)");
        builder.Property(c => c.PublishedOn).HasColumnType("date");
        builder.HasIndex(c => new { c.PartnershipId, c.PeriodStart });
        builder.HasOne(c => c.Partnership).WithMany(p => p.Cjoips).HasForeignKey(c => c.PartnershipId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
