using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CjpPortal.Core.Identity;

public sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public const string TokenHashIndex = "ix_invitations_token_hash";

    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.TokenHash).HasColumnType("character varying(64)").IsRequired();
        builder.HasIndex(i => i.TokenHash).IsUnique().HasDatabaseName(TokenHashIndex);
        builder.HasIndex(i => i.UserId);
        builder.HasOne(i => i.User).WithMany().HasForeignKey(i => i.UserId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
