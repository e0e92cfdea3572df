using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CjpPortal.Core.Identity;

public sealed class PartnershipCoordinatorConfiguration : IEntityTypeConfiguration<PartnershipCoordinator>
{
    public void Configure(EntityTypeBuilder<PartnershipCoordinator> builder)
    {
        builder.ToTable("partnership_coordinators");
        builder.HasKey(pc => new { pc.UserId, pc.PartnershipId }).HasName("pk_partnership_coordinators");
        builder.Property(pc => pc.UserId).HasColumnName("user_id");
        builder.Property(pc => pc.PartnershipId).HasColumnName("partnership_id");
        builder.HasIndex(pc => pc.PartnershipId).HasDatabaseName("ix_partnership_coordinators_partnership_id");
        builder.HasOne(pc => pc.User).WithMany(u => u.Partnerships).HasForeignKey(pc => pc.UserId)
            .HasConstraintName("fk_partnership_coordinators_users_user_id").OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(pc => pc.Partnership).WithMany().HasForeignKey(pc => pc.PartnershipId)
            .HasConstraintName("fk_partnership_coordinators_partnerships_partnership_id").OnDelete(DeleteBehavior.Cascade);
    }
}
