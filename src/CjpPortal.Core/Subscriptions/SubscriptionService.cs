using CjpPortal.Core.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CjpPortal.Core.Subscriptions;

/// <summary>What a subscriber chooses: all of Scotland or some partnerships, at least one topic, how often.</summary>
public sealed record SubscriptionChoices(bool AllOfScotland, IReadOnlyCollection<int> PartnershipIds, SubscriptionTopics Topics, SubscriptionFrequency Frequency);

public enum ConfirmOutcome
{
    /// <summary>The link is tampered with, expired, or for a subscription that no longer exists.</summary>
    InvalidLink,
    Confirmed,
}

/// <summary>Subscribing, confirming, changing, unsubscribing: each in one transaction with the e-mail it queues.</summary>
public sealed class SubscriptionService(AppDbContext db, IEmailOutbox outbox, SubscriptionLinks links, IOptions<SubscriptionOptions> options, TimeProvider clock)
{
    /// <summary>Records a subscription request for <paramref name="email"/> (normalised, valid) and, at most once per
    /// <see cref="SubscriptionOptions.ConfirmationEmailInterval"/> per address, queues the confirmation e-mail (or,
    /// for an address already confirmed, an "already subscribed" e-mail with its manage link, leaving its choices as
    /// they are: only the mailbox's owner changes them). An address has one row, so asking many times leaves one
    /// pending subscription with the latest choices. The answer is the same in every case, so the caller cannot tell
    /// who is subscribed. True when an e-mail was queued (for tests and logs, never shown).</summary>
    public async Task<bool> SubscribeAsync(string email, SubscriptionChoices choices, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(email);
        ArgumentNullException.ThrowIfNull(choices);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Two requests for a new address at once: one inserts, the other waits for it and then finds the row.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO subscribers (email, created_at, stamp, all_of_scotland, topics, frequency)
            VALUES ({email}, {now}, {Guid.NewGuid()}, {choices.AllOfScotland}, {(int)choices.Topics}, {(int)choices.Frequency})
            ON CONFLICT (email) DO NOTHING
            """, cancellationToken);
        var subscriber = await db.Subscribers.Include(s => s.Partnerships).SingleAsync(s => s.Email == email, cancellationToken);
        if (subscriber.ConfirmedAt is null)
        {
            Apply(subscriber, choices);
            await db.SaveChangesAsync(cancellationToken);
        }

        // The rate limit is one conditional update, so several instances (and two requests at once) agree.
        var windowStart = now - options.Value.ConfirmationEmailInterval;
        var claimed = await db.Subscribers
            .Where(s => s.Id == subscriber.Id && (s.LastConfirmationSentAt == null || s.LastConfirmationSentAt <= windowStart))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastConfirmationSentAt, now), cancellationToken) == 1;
        if (claimed)
        {
            outbox.Enqueue(subscriber.ConfirmedAt is null
                ? SubscriptionEmails.Confirmation(subscriber.Email, links.Confirm(subscriber))
                : SubscriptionEmails.AlreadySubscribed(subscriber.Email, links.Manage(subscriber)));
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    /// <summary>The subscription a confirmation link names, if the link is good (for the page that shows the button).</summary>
    public Task<Subscriber?> FindByConfirmLinkAsync(string? token, CancellationToken cancellationToken) =>
        FindAsync(SubscriptionLinks.ConfirmPurpose, token, cancellationToken);

    /// <summary>The subscription a manage or unsubscribe link names, with its partnerships, or null.</summary>
    public Task<Subscriber?> FindByManageLinkAsync(string? token, CancellationToken cancellationToken) =>
        FindAsync(SubscriptionLinks.ManagePurpose, token, cancellationToken);

    public async Task<ConfirmOutcome> ConfirmAsync(string? token, CancellationToken cancellationToken)
    {
        var subscriber = await FindByConfirmLinkAsync(token, cancellationToken);
        if (subscriber is null)
        {
            return ConfirmOutcome.InvalidLink;
        }

        if (subscriber.ConfirmedAt is null)
        {
            subscriber.ConfirmedAt = clock.GetUtcNow();
            // Subscribing again after unsubscribing: the confirmation is the consent the hash stood against. The hash
            // goes only with the confirmation saved, never on its own (ExecuteDelete does not join SaveChanges).
            var hash = SuppressedAddress.HashOf(subscriber.Email);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.UnsubscribedAddresses.Where(u => u.AddressHash == hash).ExecuteDeleteAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return ConfirmOutcome.Confirmed;
    }

    /// <summary>Saves new choices for a subscriber found by <see cref="FindByManageLinkAsync"/>.</summary>
    public async Task UpdateAsync(Subscriber subscriber, SubscriptionChoices choices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(choices);
        Apply(subscriber, choices);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Unsubscribes and deletes everything held about the subscriber: the row, what it follows, and the
    /// subscription e-mails still in the outbox for the address (queued ones are not sent). What is kept is the
    /// address's hash in <see cref="UnsubscribedAddress"/>, which the dispatcher checks before sending bulk mail.
    /// A message being handed to the mail server at this moment keeps its row until it is sent.</summary>
    public async Task UnsubscribeAsync(Subscriber subscriber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        var now = clock.GetUtcNow();
        var hash = SuppressedAddress.HashOf(subscriber.Email);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO unsubscribed_addresses (address_hash, created_at) VALUES ({hash}, {now})
            ON CONFLICT (address_hash) DO NOTHING
            """, cancellationToken);
        const int sending = (int)OutboxEmailStatus.Sending;
        await db.Database.ExecuteSqlAsync($"""
            DELETE FROM email_outbox
            WHERE to_address = {subscriber.Email} AND headers ->> {SubscriptionEmails.StreamHeader} = {SubscriptionEmails.StreamValue}
              AND status <> {sending}
            """, cancellationToken);
        await db.Subscribers.Where(s => s.Id == subscriber.Id).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<Subscriber?> FindAsync(string purpose, string? token, CancellationToken cancellationToken)
    {
        if (!links.TryRead(purpose, token, out var id, out var stamp))
        {
            return null;
        }

        return await db.Subscribers.Include(s => s.Partnerships).ThenInclude(p => p.Partnership)
            .SingleOrDefaultAsync(s => s.Id == id && s.Stamp == stamp, cancellationToken);
    }

    private static void Apply(Subscriber subscriber, SubscriptionChoices choices)
    {
        subscriber.AllOfScotland = choices.AllOfScotland;
        subscriber.Topics = choices.Topics;
        subscriber.Frequency = choices.Frequency;
        var wanted = choices.AllOfScotland ? [] : choices.PartnershipIds.ToHashSet();
        subscriber.Partnerships.RemoveAll(p => !wanted.Contains(p.PartnershipId));
        foreach (var id in wanted.Where(id => subscriber.Partnerships.All(p => p.PartnershipId != id)))
        {
            subscriber.Partnerships.Add(new SubscriberPartnership { SubscriberId = subscriber.Id, PartnershipId = id });
        }
    }
}
