using System.Text.Json;

namespace CjpPortal.Core.Email;

/// <summary>Adds <see cref="OutboxEmail"/> rows to the request's <see cref="AppDbContext"/> without saving.</summary>
public sealed class EmailOutbox(AppDbContext db, TimeProvider clock) : IEmailOutbox
{
    public void Enqueue(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = clock.GetUtcNow();
        db.EmailOutbox.Add(new OutboxEmail
        {
            To = message.To,
            Subject = message.Subject,
            TextBody = message.TextBody,
            HtmlBody = message.HtmlBody,
            Headers = message.Headers.Count == 0 ? null : JsonSerializer.Serialize(message.Headers),
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }
}
