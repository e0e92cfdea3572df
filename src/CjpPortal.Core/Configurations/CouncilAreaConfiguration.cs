using CjpPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CjpPortal.Core.Configurations;

public sealed class CouncilAreaConfiguration : IEntityTypeConfiguration<CouncilArea>
{
    public void Configure(EntityTypeBuilder<CouncilArea> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.GssCode).HasColumnType("character(9)").IsRequired();
        builder.Property(a => a.Name).HasColumnType("character varying(100)").IsRequired();
        builder.Property(a => a.Aliases).HasColumnType("text[]").IsRequired();
        builder.HasIndex(a => a.GssCode).IsUnique().HasDatabaseName(ConstraintNames.CouncilAreaGssCode);
        builder.HasIndex(a => a.PartnershipId);
        builder.HasOne(a => a.Partnership).WithMany(p => p.CouncilAreas).HasForeignKey(a => a.PartnershipId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
