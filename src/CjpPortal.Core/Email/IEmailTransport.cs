namespace CjpPortal.Core.Email;

/// <summary>Hands an e-mail over for delivery.</summary>
public interface IEmailTransport
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}
