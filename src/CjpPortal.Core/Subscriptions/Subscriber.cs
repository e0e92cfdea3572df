using CjpPortal.Core.Domain;
using CjpPortal.Core.Rules;

namespace CjpPortal.Core.Subscriptions;

/// <summary>Someone (no account) who asked to hear about one or more partnerships, or all of Scotland, by e-mail. A row
/// exists from the first "subscribe" post; until <see cref="ConfirmedAt"/> is set (double opt-in) nothing but the
/// confirmation e-mail goes to the address, and an unconfirmed row is deleted after
/// <see cref="SubscriptionOptions.UnconfirmedLifetime"/>. Unsubscribing deletes the row (see
/// <see cref="UnsubscribedAddress"/> for the hash that is kept).</summary>
public class Subscriber
{
    public const int EmailMaxLength = EmailAddress.MaxLength;

    public long Id { get; set; }

    /// <summary>Normalised (<see cref="EmailAddress.Normalise"/>); unique, so one address has one subscription.</summary>
    public required string Email { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }

    /// <summary>Part of every signed link to this subscription; replaced to make every earlier link stop working.</summary>
    public Guid Stamp { get; set; } = Guid.NewGuid();

    /// <summary>When the latest confirmation (or "already subscribed") e-mail was queued: the database-wide rate limit
    /// on e-mails to one address, so several instances agree.</summary>
    public DateTimeOffset? LastConfirmationSentAt { get; set; }

    /// <summary>Everything in Scotland, national updates included; <see cref="Partnerships"/> is then empty.</summary>
    public bool AllOfScotland { get; set; }

    public SubscriptionTopics Topics { get; set; }
    public SubscriptionFrequency Frequency { get; set; } = SubscriptionFrequency.Immediately;

    public List<SubscriberPartnership> Partnerships { get; set; } = [];
}

/// <summary>A partnership a subscriber follows.</summary>
public class SubscriberPartnership
{
    public long SubscriberId { get; set; }
    public int PartnershipId { get; set; }
    public Partnership Partnership { get; set; } = null!;
}

/// <summary>What a subscriber wants to hear about; a broadcast has exactly one.</summary>
[Flags]
#pragma warning disable CA1714 // The plural reads better for a set of choices ("topics"), which is what it is.
public enum SubscriptionTopics
#pragma warning restore CA1714
{
    None = 0,

    /// <summary>Forum meetings and updates.</summary>
    MeetingsAndUpdates = 1,

    /// <summary>Consultations opening (and closing soon, in the digest).</summary>
    Consultations = 2,

    /// <summary>Plans, participation statements and annual reports published.</summary>
    Publications = 4,
}

public enum SubscriptionFrequency
{
    /// <summary>One e-mail per broadcast, as it happens.</summary>
    Immediately = 1,

    /// <summary>One e-mail a week with the week's broadcasts, none when there were none.</summary>
    WeeklyDigest = 2,
}

/// <summary>An address that unsubscribed, as a hash only (like <see cref="Email.SuppressedAddress"/>, the same hash
/// function). It is a separate list, not the suppression list, on purpose: suppression stops every e-mail to an
/// address (the mail server refused it), whereas an unsubscribe stops bulk mail only, so the same person can still get
/// a password reset or an invitation, and can subscribe again (confirming removes the hash). The dispatcher checks it
/// for bulk messages (those with List-Unsubscribe), which closes the window where a fan-out batch read the subscriber
/// just before the unsubscribe committed.</summary>
public class UnsubscribedAddress
{
    public long Id { get; set; }
    public required string AddressHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
