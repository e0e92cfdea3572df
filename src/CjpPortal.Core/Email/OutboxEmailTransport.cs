namespace CjpPortal.Core.Email;

/// <summary>Writes e-mails to the outbox table, in the caller's unit of work, for a sender to deliver later.</summary>
public sealed class OutboxEmailTransport(AppDbContext db, TimeProvider clock) : IEmailTransport
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        db.EmailOutbox.Add(new OutboxEmail
        {
            To = message.To,
            Subject = message.Subject,
            TextBody = message.TextBody,
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
