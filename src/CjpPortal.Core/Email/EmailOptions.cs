using MailKit.Security;
using MimeKit;

namespace CjpPortal.Core.Email;

/// <summary>Settings under "Email" (environment variables Email__...): who the portal's mail is from and how it leaves.</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    /// <summary>The From address of every message, e.g. <c>CJP Portal &lt;no-reply@cjp.example.org&gt;</c>; its domain
    /// also ends every Message-ID.</summary>
    public string From { get; set; } = "CJP Portal <no-reply@cjp-portal.invalid>";

    public EmailTransportKind Transport { get; set; } = EmailTransportKind.PickupFolder;

    /// <summary>Where <see cref="EmailTransportKind.PickupFolder"/> writes .eml files (relative to the working directory).</summary>
    public string PickupFolder { get; set; } = "mail-pickup";

    /// <summary>Optional DKIM signing of SMTP mail (Email:Dkim).</summary>
    public DkimOptions Dkim { get; set; } = new();

    public static string? Problem(EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!MailboxAddress.TryParse(options.From, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
        {
            return "Email:From must be an e-mail address, optionally with a display name.";
        }

        if (!Enum.IsDefined(options.Transport))
        {
            return "Email:Transport must be Smtp or PickupFolder.";
        }

        if (options.Transport == EmailTransportKind.PickupFolder && string.IsNullOrWhiteSpace(options.PickupFolder))
        {
            return "Email:PickupFolder must name a folder when Email:Transport is PickupFolder.";
        }

        return DkimOptions.Problem(options.Dkim);
    }
}

public enum EmailTransportKind
{
    /// <summary>Development: every message becomes an .eml file in <see cref="EmailOptions.PickupFolder"/>.</summary>
    PickupFolder = 1,
    Smtp = 2,
}

/// <summary>Settings under "Email:Smtp", used when <see cref="EmailOptions.Transport"/> is Smtp.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Email:Smtp";

    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;

    /// <summary>None (a relay on the same host or network), StartTls (port 587) or SslOnConnect (implicit TLS, port 465).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    /// <summary>Credentials, when the server asks for them; both or neither.</summary>
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>How long one SMTP command may take before the connection is given up.</summary>
    public int TimeoutSeconds { get; set; } = 60;

    public static string? Problem(SmtpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            return "Email:Smtp:Host must be set when Email:Transport is Smtp.";
        }

        if (options.Port is < 1 or > 65535)
        {
            return "Email:Smtp:Port must be between 1 and 65535.";
        }

        if (options.Security is not (SecureSocketOptions.None or SecureSocketOptions.StartTls or SecureSocketOptions.SslOnConnect))
        {
            return "Email:Smtp:Security must be None, StartTls or SslOnConnect.";
        }

        if (string.IsNullOrEmpty(options.UserName) != string.IsNullOrEmpty(options.Password))
        {
            return "Email:Smtp:UserName and Email:Smtp:Password are set together or not at all.";
        }

        return options.TimeoutSeconds is < 1 or > 600 ? "Email:Smtp:TimeoutSeconds must be between 1 and 600." : null;
    }
}

/// <summary>Settings under "Email:Dispatcher" for <see cref="OutboxDispatcher"/>.</summary>
public sealed class DispatcherOptions
{
    public const string SectionName = "Email:Dispatcher";
    public const int InstanceIdMaxLength = OutboxEmail.LeaseOwnerMaxLength;

    /// <summary>Whether this host runs the dispatcher; several hosts may, since rows are claimed through the database.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Names this instance's leases; unset, the machine name, process id and a random part.</summary>
    public string? InstanceId { get; set; }

    /// <summary>Rows claimed (and sent over one SMTP connection) at a time.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>How long a claim lasts; a sender that has not finished its batch by then is taken to have died, and
    /// another instance takes its rows over. It must be longer than a batch takes to send.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the outbox is looked at when it was empty.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long after start-up the first look waits: a portal that has just started spends its first seconds
    /// answering its first pages (bench/coldstart.sh), and the outbox can wait that long.</summary>
    public TimeSpan StartDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait after the first failed attempt; each later one doubles it, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(6);

    /// <summary>After this many attempts a message that could not be delivered is marked failed.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Messages handed to the transport per second by this instance; 0 for no limit.</summary>
    public double MessagesPerSecond { get; set; }

    public static string? Problem(DispatcherOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.InstanceId is { } id && (id.Length == 0 || id.Length > InstanceIdMaxLength))
        {
            return $"Email:Dispatcher:InstanceId must be 1 to {InstanceIdMaxLength} characters.";
        }

        if (options.BatchSize is < 1 or > 1000)
        {
            return "Email:Dispatcher:BatchSize must be between 1 and 1000.";
        }

        if (options.LeaseDuration < TimeSpan.FromSeconds(10) || options.PollInterval <= TimeSpan.Zero
            || options.RetryBaseDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.RetryBaseDelay)
        {
            return "Email:Dispatcher:LeaseDuration (at least 10 seconds), PollInterval, RetryBaseDelay and MaxRetryDelay (at least RetryBaseDelay) must be positive.";
        }

        if (options.MaxAttempts is < 1 or > 100)
        {
            return "Email:Dispatcher:MaxAttempts must be between 1 and 100.";
        }

        if (options.StartDelay < TimeSpan.Zero || options.StartDelay > TimeSpan.FromMinutes(10))
        {
            return "Email:Dispatcher:StartDelay must be between 00:00:00 and 00:10:00.";
        }

        if (options.MessagesPerSecond < 0 || double.IsNaN(options.MessagesPerSecond))
        {
            return "Email:Dispatcher:MessagesPerSecond must be 0 (no limit) or more.";
        }

        // A batch sent at the limit must finish inside its lease, or another instance would take it over and send it again.
        return options.MessagesPerSecond > 0 && options.BatchSize / options.MessagesPerSecond >= options.LeaseDuration.TotalSeconds / 2
            ? "Email:Dispatcher:LeaseDuration must be more than twice the time one batch takes at MessagesPerSecond."
            : null;
    }
}
