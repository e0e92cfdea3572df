using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CjpPortal.Core.Identity;

public sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public const string TokenHashIndex = "ix_invitations_token_hash";

    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.ToTable("invitations");
        builder.HasKey(i => i.Id).HasName("pk_invitations");
        builder.Property(i => i.Id).HasColumnName("id");
        builder.Property(i => i.UserId).HasColumnName("user_id");
        builder.Property(i => i.TokenHash).HasColumnName("token_hash").HasColumnType("character varying(64)").IsRequired();
        builder.Property(i => i.CreatedAt).HasColumnName("created_at");
        builder.Property(i => i.ExpiresAt).HasColumnName("expires_at");
        builder.Property(i => i.UsedAt).HasColumnName("used_at");
        builder.Property(i => i.RevokedAt).HasColumnName("revoked_at");
        builder.HasIndex(i => i.TokenHash).IsUnique().HasDatabaseName(TokenHashIndex);
        builder.HasIndex(i => i.UserId).HasDatabaseName("ix_invitations_user_id");
        builder.HasOne(i => i.User).WithMany().HasForeignKey(i => i.UserId)
            .HasConstraintName("fk_invitations_users_user_id").OnDelete(DeleteBehavior.Cascade);
    }
}
