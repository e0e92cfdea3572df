using CjpPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CjpPortal.Core.Configurations;

public sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.HasKey(c => c.Id);
        // PostgreSQL's row version: a save made from a stale form is refused instead of overwriting someone else's change.
        builder.Property<uint>(ConcurrencyToken.PropertyName).IsRowVersion();
        builder.Property(c => c.Name).HasColumnType("character varying(200)").IsRequired();
        builder.Property(c => c.Role).HasColumnType("character varying(200)").IsRequired();
        builder.Property(c => c.Email).HasColumnType("character varying(320)");
        builder.Property(c => c.Phone).HasColumnType("character varying(40)");
        builder.HasIndex(c => new { c.PartnershipId, c.DisplayOrder });
        builder.HasOne(c => c.Partnership).WithMany(p => p.Contacts).HasForeignKey(c => c.PartnershipId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
