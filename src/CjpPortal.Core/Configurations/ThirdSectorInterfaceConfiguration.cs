using CjpPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CjpPortal.Core.Configurations;

public sealed class ThirdSectorInterfaceConfiguration : IEntityTypeConfiguration<ThirdSectorInterface>
{
    public void Configure(EntityTypeBuilder<ThirdSectorInterface> builder)
    {
        builder.HasKey(t => t.Id);
        // PostgreSQL's row version: a save made from a stale form is refused instead of overwriting someone else's change.
        builder.Property<uint>(ConcurrencyToken.PropertyName).IsRowVersion();
        builder.Property(t => t.Name).HasColumnType("character varying(200)").IsRequired();
        builder.Property(t => t.Website).HasColumnType("character varying(500)");
        builder.Property(t => t.Email).HasColumnType("character varying(320)");
        builder.Property(t => t.Phone).HasColumnType("character varying(40)");
        builder.HasIndex(t => t.CouncilAreaId).IsUnique().HasDatabaseName(ConstraintNames.ThirdSectorInterfaceCouncilArea);
        builder.HasOne(t => t.CouncilArea).WithOne(a => a.ThirdSectorInterface).HasForeignKey<ThirdSectorInterface>(t => t.CouncilAreaId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
