using CjpPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CjpPortal.Core.Configurations;

public sealed class EngagementRouteConfiguration : IEntityTypeConfiguration<EngagementRoute>
{
    public void Configure(EntityTypeBuilder<EngagementRoute> builder)
    {
        builder.ToTable("engagement_routes");
        builder.HasKey(r => r.Id).HasName("pk_engagement_routes");
        builder.Property(r => r.Id).HasColumnName("id");
        // PostgreSQL's row version: a save made from a stale form is refused instead of overwriting someone else's change.
        builder.Property<uint>(ConcurrencyToken.PropertyName).IsRowVersion();
        builder.Property(r => r.PartnershipId).HasColumnName("partnership_id");
        builder.Property(r => r.Kind).HasColumnName("kind").HasColumnType("integer");
        builder.Property(r => r.RepresentationKind).HasColumnName("representation_kind").HasColumnType("integer");
        builder.Property(r => r.Title).HasColumnName("title").HasColumnType("character varying(200)").IsRequired();
        builder.Property(r => r.Description).HasColumnName("description").HasColumnType("character varying(4000)");
        builder.Property(r => r.HowToJoin).HasColumnName("how_to_join").HasColumnType("character varying(2000)");
        builder.Property(r => r.ContactName).HasColumnName("contact_name").HasColumnType("character varying(200)");
        builder.Property(r => r.ContactEmail).HasColumnName("contact_email").HasColumnType("character varying(320)");
        builder.Property(r => r.MeetingFrequency).HasColumnName("meeting_frequency").HasColumnType("character varying(200)");
        builder.Property(r => r.Format).HasColumnName("format").HasColumnType("integer");
        builder.Property(r => r.IsActive).HasColumnName("is_active");
        builder.Property(r => r.DisplayOrder).HasColumnName("display_order");
        builder.HasIndex(r => new { r.PartnershipId, r.Title }).IsUnique().HasDatabaseName(ConstraintNames.EngagementRouteTitle);
        builder.HasOne(r => r.Partnership).WithMany(p => p.EngagementRoutes).HasForeignKey(r => r.PartnershipId)
            .HasConstraintName("fk_engagement_routes_partnerships_partnership_id").OnDelete(DeleteBehavior.Cascade);
    }
}
