using CjpPortal.Core.Email;
using CjpPortal.Core.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CjpPortal.Core.Subscriptions;

/// <summary>Expands broadcasts into outbox e-mails, never inside a web request: each round takes the oldest broadcast
/// not yet fanned out (locked <c>FOR UPDATE SKIP LOCKED</c>, so two instances work on different ones), and in one
/// transaction queues the next <see cref="SubscriptionOptions.FanOutBatchSize"/> matching subscribers' e-mails and
/// moves <see cref="Broadcast.FannedOutThroughSubscriberId"/> past them. A crash loses nothing and repeats nothing:
/// the batch's e-mails and its progress commit together. Subscribers are the confirmed "immediately" ones who chose
/// the topic and follow the partnership (or all of Scotland); suppressed and unsubscribed addresses are skipped.</summary>
public sealed class BroadcastFanOut(AppDbContext db, IEmailOutbox outbox, SubscriptionLinks links, IOptions<SubscriptionOptions> options) : IScheduledJob
{
    public string Name => "broadcast-fan-out";

    public async Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        while (await FanOutBatchAsync(now, cancellationToken) > 0)
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>One batch of one broadcast; the number of e-mails queued plus one when a broadcast moved on (0 when
    /// there was nothing to do).</summary>
    public async Task<int> FanOutBatchAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var broadcast = await db.Broadcasts.FromSql($"""
            SELECT * FROM broadcasts WHERE fanned_out_at IS NULL ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED
            """).SingleOrDefaultAsync(cancellationToken);
        if (broadcast is null)
        {
            return 0;
        }

        var batchSize = options.Value.FanOutBatchSize;
        var batch = await Recipients(db, broadcast.PartnershipId, broadcast.Topic, SubscriptionFrequency.Immediately)
            .Where(s => s.Id > broadcast.FannedOutThroughSubscriberId)
            .OrderBy(s => s.Id)
            .Take(batchSize)
            .Select(s => new Subscriber { Id = s.Id, Email = s.Email, Stamp = s.Stamp })
            .ToListAsync(cancellationToken);
        var mailto = links.UnsubscribeMailto();
        var skipped = await NotToMailAsync(db, batch.Select(s => s.Email), cancellationToken);
        foreach (var subscriber in batch.Where(s => !skipped.Contains(SuppressedAddress.HashOf(s.Email))))
        {
            outbox.Enqueue(SubscriptionEmails.Broadcast(subscriber.Email, broadcast, links.Manage(subscriber), links.Unsubscribe(subscriber), mailto));
        }

        if (batch.Count > 0)
        {
            broadcast.FannedOutThroughSubscriberId = batch[^1].Id;
        }

        if (batch.Count < batchSize)
        {
            broadcast.FannedOutAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return batch.Count + 1;
    }

    /// <summary>The hashes, among <paramref name="addresses"/>, of addresses on the suppression list or unsubscribed.</summary>
    internal static async Task<HashSet<string>> NotToMailAsync(AppDbContext db, IEnumerable<string> addresses, CancellationToken cancellationToken)
    {
        var hashes = addresses.Select(SuppressedAddress.HashOf).Distinct().ToList();
        var suppressed = await db.SuppressedAddresses.Where(s => hashes.Contains(s.AddressHash)).Select(s => s.AddressHash)
            .Concat(db.UnsubscribedAddresses.Where(u => hashes.Contains(u.AddressHash)).Select(u => u.AddressHash))
            .ToListAsync(cancellationToken);
        return [.. suppressed];
    }

    /// <summary>Confirmed subscribers with <paramref name="frequency"/> who chose <paramref name="topic"/> and follow
    /// the partnership (or all of Scotland), minus suppressed and unsubscribed addresses. Shared with the digest.</summary>
    internal static IQueryable<Subscriber> Recipients(AppDbContext db, int? partnershipId, SubscriptionTopics topic, SubscriptionFrequency frequency) =>
        db.Subscribers.Where(s => s.ConfirmedAt != null && s.Frequency == frequency && (s.Topics & topic) != 0
            && (s.AllOfScotland || (partnershipId != null && s.Partnerships.Any(p => p.PartnershipId == partnershipId))));
}
