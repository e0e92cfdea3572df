using CjpPortal.Core.Database;
using CjpPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CjpPortal.Core.Configurations;

public sealed class EngagementRouteConfiguration : IEntityTypeConfiguration<EngagementRoute>
{
    public void Configure(EntityTypeBuilder<EngagementRoute> builder)
    {
        builder.HasKey(r => r.Id);
        // PostgreSQL's row version: a save made from a stale form is refused instead of overwriting someone else's change.
        builder.Property<uint>(ConcurrencyToken.PropertyName).IsRowVersion();
        builder.Property(r => r.Kind).HasColumnType("integer");
        builder.Property(r => r.RepresentationKind).HasColumnType("integer");
        builder.Property(r => r.Title).HasMaxLength(EngagementRoute.TitleMaxLength).IsRequired();
        builder.Property(r => r.Description).HasMaxLength(EngagementRoute.DescriptionMaxLength);
        builder.Property(r => r.HowToJoin).HasMaxLength(EngagementRoute.HowToJoinMaxLength);
        builder.Property(r => r.ContactName).HasMaxLength(EngagementRoute.ContactNameMaxLength);
        builder.Property(r => r.ContactEmail).HasMaxLength(EngagementRoute.ContactEmailMaxLength);
        builder.Property(r => r.MeetingFrequency).HasMaxLength(EngagementRoute.MeetingFrequencyMaxLength);
        builder.Property(r => r.Format).HasColumnType("integer");
        builder.Property(r => r.SearchVector)
            .HasComputedColumnSql("to_tsvector('english'::regconfig, title || ' ' || coalesce(description, ''))", stored: true);
        builder.HasIndex(r => r.SearchVector).HasMethod("gin").WithoutPendingList();
        builder.HasIndex(r => new { r.PartnershipId, r.Title }).IsUnique().HasDatabaseName(ConstraintNames.EngagementRouteTitle);
        builder.HasOne(r => r.Partnership).WithMany(p => p.EngagementRoutes).HasForeignKey(r => r.PartnershipId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
