namespace CjpPortal.Core.Email;

/// <summary>An e-mail waiting in the outbox table; <see cref="SentAt"/> is set once a sender has delivered it.</summary>
public class OutboxEmail
{
    public long Id { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }

    /// <summary>The HTML alternative to <see cref="TextBody"/>, if the message has one.</summary>
    public string? HtmlBody { get; set; }

    /// <summary>Extra headers as a JSON object of names to values (jsonb), or null when there are none.</summary>
    public string? Headers { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}
