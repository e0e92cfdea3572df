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
        builder.Property(r => r.Title).HasColumnType("character varying(200)").IsRequired();
        builder.Property(r => r.Description).HasColumnType("character varying(4000)");
        builder.Property(r => r.HowToJoin).HasColumnType("character varying(2000)");
        builder.Property(r => r.ContactName).HasColumnType("character varying(200)");
        builder.Property(r => r.ContactEmail).HasColumnType("character varying(320)");
        builder.Property(r => r.MeetingFrequency).HasColumnType("character varying(200)");
        builder.Property(r => r.Format).HasColumnType("integer");
        builder.HasIndex(r => new { r.PartnershipId, r.Title }).IsUnique().HasDatabaseName(ConstraintNames.EngagementRouteTitle);
        builder.HasOne(r => r.Partnership).WithMany(p => p.EngagementRoutes).HasForeignKey(r => r.PartnershipId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
