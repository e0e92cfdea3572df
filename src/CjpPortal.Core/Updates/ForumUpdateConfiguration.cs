using CjpPortal.Core.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CjpPortal.Core.Updates;

public sealed class ForumUpdateConfiguration : IEntityTypeConfiguration<ForumUpdate>
{
    public void Configure(EntityTypeBuilder<ForumUpdate> builder)
    {
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_forum_updates_meeting_starts", "kind <> 1 OR starts_at IS NOT NULL");
            t.HasCheckConstraint("ck_forum_updates_meeting_ends", "ends_at IS NULL OR (starts_at IS NOT NULL AND ends_at > starts_at)");
            t.HasCheckConstraint("ck_forum_updates_online_link", "online_link IS NULL OR online_link LIKE 'https://%'");
        });
        builder.HasKey(u => u.Id);
        // PostgreSQL's row version: a save made from a stale form is refused instead of overwriting someone else's change.
        builder.Property<uint>(ConcurrencyToken.PropertyName).IsRowVersion();
        builder.Property(u => u.Kind).HasColumnType("integer");
        builder.Property(u => u.Title).HasMaxLength(ForumUpdate.TitleMaxLength).IsRequired();
        builder.Property(u => u.Body).HasMaxLength(ForumUpdate.BodyMaxLength).IsRequired();
        builder.Property(u => u.Place).HasMaxLength(ForumUpdate.PlaceMaxLength);
        builder.Property(u => u.OnlineLink).HasMaxLength(ForumUpdate.OnlineLinkMaxLength);
        builder.Ignore(u => u.IsPublished);
        builder.HasOne(u => u.Partnership).WithMany().HasForeignKey(u => u.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        // A route that is deleted leaves its meetings in place, without a route.
        builder.HasOne(u => u.EngagementRoute).WithMany().HasForeignKey(u => u.EngagementRouteId).OnDelete(DeleteBehavior.SetNull);
        // The public lists: newest published first, nationally and per partnership; the next meetings.
        builder.HasIndex(u => new { u.PartnershipId, u.PublishedAt });
        builder.HasIndex(u => u.PublishedAt);
        builder.HasIndex(u => u.StartsAt);
    }
}
