using CjpPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CjpPortal.Core.Configurations;

public sealed class PlaceConfiguration : IEntityTypeConfiguration<Place>
{
    public void Configure(EntityTypeBuilder<Place> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(Place.NameMaxLength).UseCollation(Collations.CaseInsensitive).IsRequired();
        builder.HasIndex(p => new { p.CouncilAreaId, p.Name }).IsUnique().HasDatabaseName(ConstraintNames.PlaceName);
        builder.HasOne(p => p.CouncilArea).WithMany().HasForeignKey(p => p.CouncilAreaId).OnDelete(DeleteBehavior.Cascade);
    }
}
