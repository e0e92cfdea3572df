namespace CjpPortal.Core.Email;

/// <summary>An e-mail in the outbox table. <see cref="OutboxDispatcher"/> claims due rows (queued and due, or sending
/// under an expired lease), hands them to the transport and records the outcome.</summary>
public class OutboxEmail
{
    public const int ToMaxLength = 320;
    public const int SubjectMaxLength = 300;
    public const int LeaseOwnerMaxLength = 100;
    public const int LastErrorMaxLength = 2000;

    public long Id { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }

    /// <summary>The HTML alternative to <see cref="TextBody"/>, if the message has one.</summary>
    public string? HtmlBody { get; set; }

    /// <summary>Extra headers as a JSON object of names to values (jsonb), or null when there are none.</summary>
    public string? Headers { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public OutboxEmailStatus Status { get; set; } = OutboxEmailStatus.Queued;

    /// <summary>How many times a dispatcher has claimed the row to send it (a claim whose sender died counts too).</summary>
    public int Attempts { get; set; }

    /// <summary>Not sent before this time: the time it was queued, then the retry time after a failed attempt.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>The dispatcher instance that has claimed the row, while <see cref="Status"/> is sending.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>When the claim lapses and another instance may take the row over.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; set; }

    /// <summary>Why the latest attempt failed, cut to <see cref="LastErrorMaxLength"/>.</summary>
    public string? LastError { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public static string BoundedError(string error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Length <= LastErrorMaxLength ? error : error[..(LastErrorMaxLength - 1)] + "…";
    }
}

public enum OutboxEmailStatus
{
    Queued = 1,
    Sending = 2,
    Sent = 3,
    Failed = 4,
    Cancelled = 5,
}
