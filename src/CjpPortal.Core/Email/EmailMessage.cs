namespace CjpPortal.Core.Email;

/// <summary>An e-mail to one recipient: a plain-text part, an optional HTML part (the same content), and extra headers
/// (such as <c>Auto-Submitted</c>, later <c>List-Unsubscribe</c>). The message classes in
/// CjpPortal.Core.Email.Messages build these; nothing else should write subjects or bodies.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody)
{
    public string? HtmlBody { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The Message-ID without angle brackets; the dispatcher sets one per outbox row, so every attempt at one
    /// row carries the same ID (and a receiver can tell a repeat). Unset, the transport makes one up.</summary>
    public string? MessageId { get; init; }
}
