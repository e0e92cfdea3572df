using CjpPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CjpPortal.Core.Configurations;

public sealed class PartnershipConfiguration : IEntityTypeConfiguration<Partnership>
{
    public void Configure(EntityTypeBuilder<Partnership> builder)
    {
        builder.ToTable("partnerships");
        builder.HasKey(p => p.Id).HasName("pk_partnerships");
        builder.Property(p => p.Id).HasColumnName("id");
        // PostgreSQL's row version: a save made from a stale form is refused instead of overwriting someone else's change.
        builder.Property<uint>(ConcurrencyToken.PropertyName).IsRowVersion();
        builder.Property(p => p.Name).HasColumnName("name").HasColumnType("character varying(200)").IsRequired();
        builder.Property(p => p.Slug).HasColumnName("slug").HasColumnType("character varying(80)").IsRequired();
        builder.Property(p => p.Website).HasColumnName("website").HasColumnType("character varying(500)");
        builder.Property(p => p.GovernanceNotes).HasColumnName("governance_notes").HasColumnType("character varying(4000)");
        builder.Property(p => p.CoordinatorPostVacant).HasColumnName("coordinator_post_vacant");
        builder.Property(p => p.FallbackContactId).HasColumnName("fallback_contact_id");
        builder.Property(p => p.LastConfirmedOn).HasColumnName("last_confirmed_on").HasColumnType("date");
        builder.HasIndex(p => p.Slug).IsUnique().HasDatabaseName(ConstraintNames.PartnershipSlug);
        builder.HasIndex(p => p.Name).IsUnique().HasDatabaseName(ConstraintNames.PartnershipName);
        builder.HasIndex(p => p.FallbackContactId).HasDatabaseName("ix_partnerships_fallback_contact_id");
        builder.HasOne(p => p.FallbackContact).WithMany().HasForeignKey(p => p.FallbackContactId)
            .HasConstraintName("fk_partnerships_contacts_fallback_contact_id").OnDelete(DeleteBehavior.SetNull);
    }
}
