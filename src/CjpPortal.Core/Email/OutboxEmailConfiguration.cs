using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CjpPortal.Core.Email;

public sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    /// <summary>What the dispatcher's claim looks for: queued rows by due time, sending rows by lease expiry.</summary>
    public const string DueIndex = "ix_email_outbox_status_next_attempt_at";

    public void Configure(EntityTypeBuilder<OutboxEmail> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.To).HasColumnName("to_address").HasMaxLength(OutboxEmail.ToMaxLength).IsRequired();
        builder.Property(e => e.Subject).HasMaxLength(OutboxEmail.SubjectMaxLength).IsRequired();
        builder.Property(e => e.TextBody).HasColumnType("text").IsRequired();
        builder.Property(e => e.HtmlBody).HasColumnType("text");
        builder.Property(e => e.Headers).HasColumnType("jsonb");
        builder.Property(e => e.Status).HasColumnType("integer");
        builder.Property(e => e.LeaseOwner).HasMaxLength(OutboxEmail.LeaseOwnerMaxLength);
        builder.Property(e => e.LastError).HasMaxLength(OutboxEmail.LastErrorMaxLength);
        builder.HasIndex(e => e.SentAt);
        builder.HasIndex(e => new { e.Status, e.NextAttemptAt }).HasDatabaseName(DueIndex);
        builder.ToTable(t => t.HasCheckConstraint("ck_email_outbox_status", "status BETWEEN 1 AND 5"));
    }
}
