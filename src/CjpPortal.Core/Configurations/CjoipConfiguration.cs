using CjpPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CjpPortal.Core.Configurations;

public sealed class CjoipConfiguration : IEntityTypeConfiguration<Cjoip>
{
    public void Configure(EntityTypeBuilder<Cjoip> builder)
    {
        builder.ToTable("cjoips", t =>
        {
            t.HasCheckConstraint("ck_cjoips_period", "period_end > period_start");
            t.HasCheckConstraint("ck_cjoips_consultation_dates",
                "consultation_opens_on IS NULL OR consultation_closes_on IS NULL OR consultation_closes_on >= consultation_opens_on");
        });
        builder.HasKey(c => c.Id).HasName("pk_cjoips");
        builder.Property(c => c.Id).HasColumnName("id");
        builder.Property(c => c.PartnershipId).HasColumnName("partnership_id");
        builder.Property(c => c.PeriodStart).HasColumnName("period_start").HasColumnType("date");
        builder.Property(c => c.PeriodEnd).HasColumnName("period_end").HasColumnType("date");
        builder.Property(c => c.Status).HasColumnName("status").HasColumnType("integer");
        builder.Property(c => c.ConsultationOpensOn).HasColumnName("consultation_opens_on").HasColumnType("date");
        builder.Property(c => c.ConsultationClosesOn).HasColumnName("consultation_closes_on").HasColumnType("date");
        builder.Property(c => c.Link).HasColumnName("link").HasColumnType("character varying(500)");
        builder.Property(c => c.PublishedOn).HasColumnName("published_on").HasColumnType("date");
        builder.HasIndex(c => new { c.PartnershipId, c.PeriodStart }).HasDatabaseName("ix_cjoips_partnership_id_period_start");
        builder.HasOne(c => c.Partnership).WithMany(p => p.Cjoips).HasForeignKey(c => c.PartnershipId)
            .HasConstraintName("fk_cjoips_partnerships_partnership_id").OnDelete(DeleteBehavior.Cascade);
    }
}
