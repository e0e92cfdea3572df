using CjpPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CjpPortal.Core.Configurations;

public sealed class DirectoryEditionConfiguration : IEntityTypeConfiguration<DirectoryEdition>
{
    public void Configure(EntityTypeBuilder<DirectoryEdition> builder)
    {
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => e.Year).IsUnique().HasDatabaseName(ConstraintNames.DirectoryEditionYear);
        builder.Property(e => e.PublishedBy).HasMaxLength(DirectoryEdition.PublishedByMaxLength);
        builder.Property(e => e.Columns).HasColumnType("jsonb");
        builder.HasMany(e => e.Rows).WithOne(r => r.Edition).HasForeignKey(r => r.EditionId).OnDelete(DeleteBehavior.Cascade);
    }
}
