using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CjpPortal.Core.Identity;

public sealed class PartnershipCoordinatorConfiguration : IEntityTypeConfiguration<PartnershipCoordinator>
{
    public void Configure(EntityTypeBuilder<PartnershipCoordinator> builder)
    {
        builder.HasKey(pc => new { pc.UserId, pc.PartnershipId });
        builder.HasIndex(pc => pc.PartnershipId);
        builder.HasOne(pc => pc.User).WithMany(u => u.Partnerships).HasForeignKey(pc => pc.UserId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(pc => pc.Partnership).WithMany().HasForeignKey(pc => pc.PartnershipId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
