using CjpPortal.Core.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CjpPortal.Core.Subscriptions;

public sealed class SubscriberConfiguration : IEntityTypeConfiguration<Subscriber>
{
    public const string EmailIndex = "ix_subscribers_email";

    public void Configure(EntityTypeBuilder<Subscriber> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Email).HasMaxLength(Subscriber.EmailMaxLength);
        builder.HasIndex(s => s.Email).IsUnique().HasDatabaseName(EmailIndex);
        // The clean-up's look-up of old unconfirmed rows.
        builder.HasIndex(s => new { s.ConfirmedAt, s.CreatedAt });
        builder.Property(s => s.Topics).HasColumnType("integer");
        builder.Property(s => s.Frequency).HasColumnType("integer");
        builder.HasMany(s => s.Partnerships).WithOne().HasForeignKey(p => p.SubscriberId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_subscribers_topics", "topics BETWEEN 1 AND 7");
            t.HasCheckConstraint("ck_subscribers_frequency", "frequency BETWEEN 1 AND 2");
        });
    }
}

public sealed class SubscriberPartnershipConfiguration : IEntityTypeConfiguration<SubscriberPartnership>
{
    public void Configure(EntityTypeBuilder<SubscriberPartnership> builder)
    {
        builder.HasKey(p => new { p.SubscriberId, p.PartnershipId });
        // The fan-out's look-up: the followers of one partnership.
        builder.HasIndex(p => new { p.PartnershipId, p.SubscriberId });
        builder.HasOne(p => p.Partnership).WithMany().HasForeignKey(p => p.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class UnsubscribedAddressConfiguration : IEntityTypeConfiguration<UnsubscribedAddress>
{
    public const string AddressHashIndex = "ix_unsubscribed_addresses_address_hash";

    public void Configure(EntityTypeBuilder<UnsubscribedAddress> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.AddressHash).HasMaxLength(SuppressedAddress.AddressHashLength).IsFixedLength();
        builder.HasIndex(s => s.AddressHash).IsUnique().HasDatabaseName(AddressHashIndex);
    }
}

public sealed class BroadcastConfiguration : IEntityTypeConfiguration<Broadcast>
{
    public void Configure(EntityTypeBuilder<Broadcast> builder)
    {
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Subject).HasMaxLength(Broadcast.SubjectMaxLength);
        builder.Property(b => b.TextBody).HasColumnType("text");
        builder.Property(b => b.HtmlBody).HasColumnType("text");
        builder.Property(b => b.Link).HasMaxLength(Broadcast.LinkMaxLength);
        builder.Property(b => b.Topic).HasColumnType("integer");
        builder.HasOne<Domain.Partnership>().WithMany().HasForeignKey(b => b.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        // The fan-out looks for broadcasts not yet fanned out; the digest for the week's.
        builder.HasIndex(b => b.FannedOutAt);
        builder.HasIndex(b => b.CreatedAt);
        builder.ToTable(t => t.HasCheckConstraint("ck_broadcasts_topic", "topic IN (1, 2, 4)"));
    }
}
