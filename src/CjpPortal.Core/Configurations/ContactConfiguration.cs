using CjpPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CjpPortal.Core.Configurations;

public sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.ToTable("contacts");
        builder.HasKey(c => c.Id).HasName("pk_contacts");
        builder.Property(c => c.Id).HasColumnName("id");
        // PostgreSQL's row version: a save made from a stale form is refused instead of overwriting someone else's change.
        builder.Property<uint>(ConcurrencyToken.PropertyName).IsRowVersion();
        builder.Property(c => c.PartnershipId).HasColumnName("partnership_id");
        builder.Property(c => c.Name).HasColumnName("name").HasColumnType("character varying(200)").IsRequired();
        builder.Property(c => c.Role).HasColumnName("role").HasColumnType("character varying(200)").IsRequired();
        builder.Property(c => c.IsCoordinator).HasColumnName("is_coordinator");
        builder.Property(c => c.Email).HasColumnName("email").HasColumnType("character varying(320)");
        builder.Property(c => c.Phone).HasColumnName("phone").HasColumnType("character varying(40)");
        builder.Property(c => c.IsPublished).HasColumnName("is_published");
        builder.Property(c => c.DisplayOrder).HasColumnName("display_order");
        builder.HasIndex(c => new { c.PartnershipId, c.DisplayOrder }).HasDatabaseName("ix_contacts_partnership_id_display_order");
        builder.HasOne(c => c.Partnership).WithMany(p => p.Contacts).HasForeignKey(c => c.PartnershipId)
            .HasConstraintName("fk_contacts_partnerships_partnership_id").OnDelete(DeleteBehavior.Cascade);
    }
}
