namespace CjpPortal.Core.Subscriptions;

/// <summary>One piece of news for subscribers (a forum update or meeting, a consultation opening, a plan, statement or
/// report published), written by <see cref="IBroadcasts.QueueAsync"/> in the transaction of the change it announces.
/// <see cref="BroadcastFanOut"/> expands it into one outbox e-mail per matching confirmed "immediately" subscriber,
/// in batches, recording how far it got (<see cref="FannedOutThroughSubscriberId"/>) so a restart resumes; the
/// weekly digest reads it again for "weekly" subscribers.</summary>
public class Broadcast
{
    public const int SubjectMaxLength = 200;
    public const int LinkMaxLength = 500;

    public long Id { get; set; }

    /// <summary>The partnership it is about, or null for national news (only "all of Scotland" subscribers get it).</summary>
    public int? PartnershipId { get; set; }

    public SubscriptionTopics Topic { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public string? HtmlBody { get; set; }

    /// <summary>Absolute address of the page the broadcast is about.</summary>
    public required string Link { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Subscribers are fanned out in id order; every subscriber with an id up to this one has had theirs.</summary>
    public long FannedOutThroughSubscriberId { get; set; }

    /// <summary>Set when the fan-out is complete.</summary>
    public DateTimeOffset? FannedOutAt { get; set; }
}
