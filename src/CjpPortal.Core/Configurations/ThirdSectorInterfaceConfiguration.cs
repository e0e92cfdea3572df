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
        builder.Property(t => t.Name).HasMaxLength(ThirdSectorInterface.NameMaxLength).IsRequired();
        builder.Property(t => t.Website).HasMaxLength(ThirdSectorInterface.WebsiteMaxLength);
        builder.Property(t => t.Email).HasMaxLength(ThirdSectorInterface.EmailMaxLength);
        builder.Property(t => t.Phone).HasMaxLength(ThirdSectorInterface.PhoneMaxLength);
        builder.HasIndex(t => t.CouncilAreaId).IsUnique().HasDatabaseName(ConstraintNames.ThirdSectorInterfaceCouncilArea);
        builder.HasOne(t => t.CouncilArea).WithOne(a => a.ThirdSectorInterface).HasForeignKey<ThirdSectorInterface>(t => t.CouncilAreaId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
