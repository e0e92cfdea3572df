namespace CjpPortal.Core.Subscriptions;

/// <summary>How the rest of the portal tells subscribers about something (forum updates and meetings, consultations,
/// publications).</summary>
public interface IBroadcasts
{
    /// <summary>Adds a <see cref="Broadcast"/> to <paramref name="db"/> without saving: the caller's own
    /// <c>SaveChangesAsync</c> (inside its transaction) commits it with the change it announces, or neither. Nothing is
    /// sent from the request: <see cref="BroadcastFanOut"/> expands it later, in batches, into one e-mail per
    /// confirmed subscriber who follows <paramref name="partnershipId"/> (or all of Scotland) and chose
    /// <paramref name="topic"/> "immediately"; weekly subscribers get it in their digest.
    /// <para><paramref name="partnershipId"/>: null for national news, which only "all of Scotland" subscribers get.
    /// <paramref name="topic"/>: exactly one flag. <paramref name="subject"/>: up to <see cref="Broadcast.SubjectMaxLength"/>
    /// characters, plain text. <paramref name="textBody"/>: the plain-text part. <paramref name="htmlBody"/>: an HTML
    /// fragment for inside &lt;body&gt; (already safe: Markdig with raw HTML disabled), or null to use the text.
    /// <paramref name="link"/>: the absolute address of the page it is about. The e-mail adds a heading, the link and
    /// the manage and unsubscribe footer itself.</para></summary>
    Task<Broadcast> QueueAsync(AppDbContext db, int? partnershipId, SubscriptionTopics topic, string subject, string textBody, string? htmlBody, Uri link, CancellationToken cancellationToken = default);
}

public sealed class Broadcasts(TimeProvider clock) : IBroadcasts
{
    public Task<Broadcast> QueueAsync(AppDbContext db, int? partnershipId, SubscriptionTopics topic, string subject, string textBody, string? htmlBody, Uri link, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentNullException.ThrowIfNull(textBody);
        ArgumentNullException.ThrowIfNull(link);
        if (topic is not (SubscriptionTopics.MeetingsAndUpdates or SubscriptionTopics.Consultations or SubscriptionTopics.Publications))
        {
            throw new ArgumentException("A broadcast has exactly one topic.", nameof(topic));
        }

        if (!link.IsAbsoluteUri || link.AbsoluteUri.Length > Broadcast.LinkMaxLength)
        {
            throw new ArgumentException($"The link must be absolute and at most {Broadcast.LinkMaxLength} characters.", nameof(link));
        }

        var broadcast = new Broadcast
        {
            PartnershipId = partnershipId,
            Topic = topic,
            Subject = subject.Length <= Broadcast.SubjectMaxLength ? subject : subject[..(Broadcast.SubjectMaxLength - 1)] + "…",
            TextBody = textBody,
            HtmlBody = htmlBody,
            Link = link.AbsoluteUri,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Broadcasts.Add(broadcast);
        return Task.FromResult(broadcast);
    }
}
