using CjpPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CjpPortal.Core.Configurations;

public sealed class PartnershipConfiguration : IEntityTypeConfiguration<Partnership>
{
    public void Configure(EntityTypeBuilder<Partnership> builder)
    {
        builder.HasKey(p => p.Id);
        // PostgreSQL's row version: a save made from a stale form is refused instead of overwriting someone else's change.
        builder.Property<uint>(ConcurrencyToken.PropertyName).IsRowVersion();
        builder.Property(p => p.Name).HasColumnType("character varying(200)").IsRequired();
        builder.Property(p => p.Slug).HasColumnType("character varying(80)").IsRequired();
        builder.Property(p => p.Website).HasColumnType("character varying(500)");
        builder.Property(p => p.GovernanceNotes).HasColumnType("character varying(4000)");
        builder.Property(p => p.LastConfirmedOn).HasColumnType("date");
        builder.HasIndex(p => p.Slug).IsUnique().HasDatabaseName(ConstraintNames.PartnershipSlug);
        // Unique regardless of case in the database too ("Fife" and "FIFE" are one name), while the column keeps the
        // database's own collation for sorting and equality in queries.
        builder.HasIndex(p => p.Name).IsUnique().UseCollation(Collations.CaseInsensitive).HasDatabaseName(ConstraintNames.PartnershipName);
        builder.HasIndex(p => p.FallbackContactId);
        builder.HasOne(p => p.FallbackContact).WithMany().HasForeignKey(p => p.FallbackContactId)
            .OnDelete(DeleteBehavior.SetNull);
    }
}
