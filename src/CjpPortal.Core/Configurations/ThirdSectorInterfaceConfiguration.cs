using CjpPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CjpPortal.Core.Configurations;

public sealed class ThirdSectorInterfaceConfiguration : IEntityTypeConfiguration<ThirdSectorInterface>
{
    public void Configure(EntityTypeBuilder<ThirdSectorInterface> builder)
    {
        builder.ToTable("third_sector_interfaces");
        builder.HasKey(t => t.Id).HasName("pk_third_sector_interfaces");
        builder.Property(t => t.Id).HasColumnName("id");
        // PostgreSQL's row version: a save made from a stale form is refused instead of overwriting someone else's change.
        builder.Property<uint>(ConcurrencyToken.PropertyName).IsRowVersion();
        builder.Property(t => t.CouncilAreaId).HasColumnName("council_area_id");
        builder.Property(t => t.Name).HasColumnName("name").HasColumnType("character varying(200)").IsRequired();
        builder.Property(t => t.Website).HasColumnName("website").HasColumnType("character varying(500)");
        builder.Property(t => t.Email).HasColumnName("email").HasColumnType("character varying(320)");
        builder.Property(t => t.Phone).HasColumnName("phone").HasColumnType("character varying(40)");
        builder.HasIndex(t => t.CouncilAreaId).IsUnique().HasDatabaseName(ConstraintNames.ThirdSectorInterfaceCouncilArea);
        builder.HasOne(t => t.CouncilArea).WithOne(a => a.ThirdSectorInterface).HasForeignKey<ThirdSectorInterface>(t => t.CouncilAreaId)
            .HasConstraintName("fk_third_sector_interfaces_council_areas_council_area_id").OnDelete(DeleteBehavior.Cascade);
    }
}
