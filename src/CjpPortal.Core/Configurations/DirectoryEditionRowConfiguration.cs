using CjpPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CjpPortal.Core.Configurations;

public sealed class DirectoryEditionRowConfiguration : IEntityTypeConfiguration<DirectoryEditionRow>
{
    public void Configure(EntityTypeBuilder<DirectoryEditionRow> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.PartnershipSlug).HasMaxLength(Partnership.SlugMaxLength);
        builder.Property(r => r.Values).HasColumnType("jsonb");
        builder.HasIndex(r => new { r.EditionId, r.DisplayOrder });
    }
}
