using System.Globalization;
using System.Text;

namespace CjpPortal.Core.Email;

/// <summary>Delivers by writing each message as an .eml file (RFC 5322, multipart/alternative when there is an HTML
/// part) into a folder that a mail server's pickup service, or a developer, reads. Files appear whole: each is
/// written under a temporary name and then renamed. Header values with line breaks are refused, so no value can
/// add a header or a recipient.</summary>
public sealed class PickupFolderEmailTransport(string folder, string from, TimeProvider clock) : IEmailTransport, IEmailTransportSession
{
    /// <summary>Files need no connection, so the transport is its own session.</summary>
    public Task<IEmailTransportSession> OpenAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IEmailTransportSession>(this);

    ValueTask IAsyncDisposable.DisposeAsync() => ValueTask.CompletedTask;

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = Render(message);
        Directory.CreateDirectory(folder);
        var name = $"{clock.GetUtcNow():yyyyMMddHHmmss}-{Guid.NewGuid():N}";
        var temporary = Path.Combine(folder, name + ".tmp");
        await File.WriteAllTextAsync(temporary, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
        File.Move(temporary, Path.Combine(folder, name + ".eml"));
    }

    public string Render(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mail = new StringBuilder();
        Header(mail, "From", from);
        Header(mail, "To", message.To);
        Header(mail, "Subject", EncodeWord(message.Subject));
        Header(mail, "Date", clock.GetUtcNow().ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture));
        Header(mail, "Message-ID", $"<{message.MessageId ?? $"{Guid.NewGuid():N}@cjp-portal"}>");
        Header(mail, "MIME-Version", "1.0");
        foreach (var (key, value) in message.Headers)
        {
            Header(mail, key, value);
        }

        if (message.HtmlBody is null)
        {
            Part(mail, "text/plain", message.TextBody);
            return mail.ToString();
        }

        var boundary = $"=_{Guid.NewGuid():N}";
        Header(mail, "Content-Type", $"multipart/alternative; boundary=\"{boundary}\"");
        mail.Append("\r\n");
        mail.Append("--").Append(boundary).Append("\r\n");
        Part(mail, "text/plain", message.TextBody);
        mail.Append("--").Append(boundary).Append("\r\n");
        Part(mail, "text/html", message.HtmlBody);
        mail.Append("--").Append(boundary).Append("--\r\n");
        return mail.ToString();
    }

    private static void Part(StringBuilder mail, string type, string body)
    {
        Header(mail, "Content-Type", $"{type}; charset=utf-8");
        Header(mail, "Content-Transfer-Encoding", "base64");
        mail.Append("\r\n");
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(body));
        for (var i = 0; i < encoded.Length; i += 76)
        {
            mail.Append(encoded.AsSpan(i, Math.Min(76, encoded.Length - i))).Append("\r\n");
        }
    }

    private static void Header(StringBuilder mail, string name, string value)
    {
        if (name.Length == 0 || name.Any(c => c <= ' ' || c == ':' || c > '~') || value.Any(c => c is '\r' or '\n'))
        {
            throw new ArgumentException($"The header '{name}' has a name or value that cannot be written safely.", nameof(name));
        }

        mail.Append(name).Append(": ").Append(value).Append("\r\n");
    }

    /// <summary>RFC 2047, so a subject outside ASCII survives.</summary>
    private static string EncodeWord(string value) =>
        value.All(c => c is >= ' ' and <= '~') ? value : $"=?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(value))}?=";
}
