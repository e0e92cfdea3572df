namespace CjpPortal.Core.Email;

/// <summary>Delivers e-mail (SMTP, or a pickup folder). Only the outbox dispatcher calls it, for rows already
/// committed; code that wants to send mail enqueues it through <see cref="IEmailOutbox"/> instead.</summary>
public interface IEmailTransport
{
    /// <summary>A session for one batch: SMTP keeps one connection open for all its messages.</summary>
    Task<IEmailTransportSession> OpenAsync(CancellationToken cancellationToken = default);
}

public interface IEmailTransportSession : IAsyncDisposable
{
    /// <summary>Hands one message over. Throws <see cref="EmailRefusedException"/> when the server refuses it for good,
    /// <see cref="EmailDeferredException"/> when it refuses this message for now; any other exception means the server
    /// cannot be reached, and the rest of the batch waits too.</summary>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}

/// <summary>A permanent refusal (SMTP 5xx for the recipient or the message): trying again would not help.</summary>
public sealed class EmailRefusedException : Exception
{
    public EmailRefusedException()
    {
    }

    public EmailRefusedException(string message)
        : base(message)
    {
    }

    public EmailRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The server refused the recipient's address itself (e.g. 550 no such mailbox), so it is suppressed.</summary>
    public bool RecipientRefused { get; init; }
}

/// <summary>A temporary refusal of one message (SMTP 4xx, or a 5xx for the sender, which is the portal's set-up to fix):
/// the connection is still good for the others, and this one is tried again later.</summary>
public sealed class EmailDeferredException : Exception
{
    public EmailDeferredException()
    {
    }

    public EmailDeferredException(string message)
        : base(message)
    {
    }

    public EmailDeferredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
