namespace CjpPortal.Core.Email;

/// <summary>Delivers one e-mail (SMTP, or a pickup folder). Only the outbox dispatcher calls it, for rows already
/// committed; code that wants to send mail enqueues it through <see cref="IEmailOutbox"/> instead.</summary>
public interface IEmailTransport
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}
