using CjpPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CjpPortal.Core.Configurations;

public sealed class CouncilAreaConfiguration : IEntityTypeConfiguration<CouncilArea>
{
    public void Configure(EntityTypeBuilder<CouncilArea> builder)
    {
        builder.ToTable("council_areas");
        builder.HasKey(a => a.Id).HasName("pk_council_areas");
        builder.Property(a => a.Id).HasColumnName("id");
        builder.Property(a => a.GssCode).HasColumnName("gss_code").HasColumnType("character(9)").IsRequired();
        builder.Property(a => a.Name).HasColumnName("name").HasColumnType("character varying(100)").IsRequired();
        builder.Property(a => a.Aliases).HasColumnName("aliases").HasColumnType("text[]").IsRequired();
        builder.Property(a => a.PartnershipId).HasColumnName("partnership_id");
        builder.HasIndex(a => a.GssCode).IsUnique().HasDatabaseName(ConstraintNames.CouncilAreaGssCode);
        builder.HasIndex(a => a.PartnershipId).HasDatabaseName("ix_council_areas_partnership_id");
        builder.HasOne(a => a.Partnership).WithMany(p => p.CouncilAreas).HasForeignKey(a => a.PartnershipId)
            .HasConstraintName("fk_council_areas_partnerships_partnership_id").OnDelete(DeleteBehavior.Restrict);
    }
}
