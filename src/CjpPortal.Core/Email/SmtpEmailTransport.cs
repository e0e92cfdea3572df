using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;

namespace CjpPortal.Core.Email;

/// <summary>Delivers through an SMTP server with MailKit. Each session (one dispatcher batch) connects once, on its
/// first message, and sends every message of the batch over that connection; a connection that breaks is dropped and
/// the next message opens a new one.</summary>
public sealed class SmtpEmailTransport(IOptions<SmtpOptions> smtp, IOptions<EmailOptions> email, TimeProvider clock, ILogger<SmtpEmailTransport> logger)
    : IEmailTransport
{
    private readonly DkimSigning? dkim = email.Value.Dkim.IsConfigured ? DkimSigning.Create(email.Value.Dkim) : null;

    public Task<IEmailTransportSession> OpenAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IEmailTransportSession>(new Session(smtp.Value, MailboxAddress.Parse(email.Value.From), clock, dkim, logger));

    /// <summary>The MIME form of a message: plain text, with the HTML as an alternative when there is one.</summary>
    public static MimeMessage ToMime(EmailMessage message, MailboxAddress from, DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(from);
        if (!MailboxAddress.TryParse(message.To, out var to) || message.To.Any(c => c is '\r' or '\n' or ','))
        {
            throw new EmailRefusedException($"The recipient '{message.To}' is not one e-mail address.") { RecipientRefused = false };
        }

        var mime = new MimeMessage { Subject = message.Subject, Date = date };
        mime.From.Add(from);
        mime.To.Add(to);
        mime.MessageId = message.MessageId ?? MimeUtils.GenerateMessageId(from.Domain);
        foreach (var (name, value) in message.Headers)
        {
            if (value.Any(c => c is '\r' or '\n'))
            {
                throw new ArgumentException($"The header '{name}' has a line break in its value.", nameof(message));
            }

            // Throws for a name that is not a valid header field name.
            mime.Headers.Add(name, value);
        }

        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        mime.Body = body.ToMessageBody();
        return mime;
    }

    private sealed class Session(SmtpOptions options, MailboxAddress from, TimeProvider clock, DkimSigning? dkim, ILogger logger) : IEmailTransportSession
    {
        private SmtpClient? client;

        public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
        {
            var mime = ToMime(message, from, clock.GetUtcNow());
            dkim?.Sign(mime);
            var connected = await ConnectedAsync(cancellationToken);
            try
            {
                await connected.SendAsync(mime, cancellationToken);
            }
            catch (SmtpCommandException refused) when ((int)refused.StatusCode >= 500
                && refused.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted)
            {
                // A 5xx for the sender (our own address or credentials) is left temporary: it is the portal's set-up
                // to fix, and failing every message at once would lose them all.
                throw new EmailRefusedException($"{(int)refused.StatusCode} {refused.Message}", refused)
                {
                    RecipientRefused = refused.ErrorCode == SmtpErrorCode.RecipientNotAccepted,
                };
            }
            catch (SmtpCommandException deferred)
            {
                // The server answered; the connection is still good for the next message.
                throw new EmailDeferredException($"{(int)deferred.StatusCode} {deferred.Message}", deferred);
            }
            catch
            {
                await DropAsync();
                throw;
            }
        }

        private async Task<SmtpClient> ConnectedAsync(CancellationToken cancellationToken)
        {
            if (client is { IsConnected: true })
            {
                return client;
            }

            await DropAsync();
            var fresh = new SmtpClient { Timeout = options.TimeoutSeconds * 1000 };
            try
            {
                await fresh.ConnectAsync(options.Host, options.Port, options.Security, cancellationToken);
                if (!string.IsNullOrEmpty(options.UserName))
                {
                    await fresh.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
                }
            }
            catch
            {
                fresh.Dispose();
                throw;
            }

            client = fresh;
            return fresh;
        }

        private async Task DropAsync()
        {
            if (client is null)
            {
                return;
            }

            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(quit: true, CancellationToken.None);
                }
            }
#pragma warning disable CA1031 // Closing a connection that is already broken may fail in any way; it is thrown away either way.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                logger.LogDebug(exception, "Closing the SMTP connection failed");
            }

            client.Dispose();
            client = null;
        }

        public async ValueTask DisposeAsync() => await DropAsync();
    }
}
