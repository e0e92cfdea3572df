using CjpPortal.Core.Subscriptions;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.TestCommon;

/// <summary>Builders for subscribers.</summary>
public static partial class TestData
{
    /// <summary>A subscriber following the partnerships <paramref name="slugs"/> (none: all of Scotland), confirmed
    /// at the fixture's time unless <paramref name="confirmed"/> is false.</summary>
    public static async Task<Subscriber> CreateSubscriberAsync(
        this PortalFixture fixture,
        string email,
        string[]? slugs = null,
        bool confirmed = true,
        SubscriptionTopics topics = SubscriptionTopics.MeetingsAndUpdates | SubscriptionTopics.Consultations | SubscriptionTopics.Publications,
        SubscriptionFrequency frequency = SubscriptionFrequency.Immediately)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        return await fixture.WithDbContextAsync(async db =>
        {
            var now = fixture.Clock.GetUtcNow();
            var subscriber = new Subscriber
            {
                Email = email,
                CreatedAt = now,
                ConfirmedAt = confirmed ? now : null,
                AllOfScotland = slugs is null or { Length: 0 },
                Topics = topics,
                Frequency = frequency,
            };
            foreach (var slug in slugs ?? [])
            {
                subscriber.Partnerships.Add(new SubscriberPartnership { PartnershipId = await PartnershipIdAsync(db, slug) });
            }

            db.Subscribers.Add(subscriber);
            await db.SaveChangesAsync();
            return subscriber;
        });
    }

    /// <summary><paramref name="count"/> confirmed "immediately" subscribers of <paramref name="slug"/>, all topics,
    /// addresses <c>{prefix}{n}@example.org</c>, inserted in one statement.</summary>
    public static async Task CreateSubscribersAsync(this PortalFixture fixture, string slug, int count, string prefix = "reader")
    {
        ArgumentNullException.ThrowIfNull(fixture);
        await fixture.WithDbContextAsync(async db =>
        {
            var partnershipId = await PartnershipIdAsync(db, slug);
            var now = fixture.Clock.GetUtcNow();
            await db.Database.ExecuteSqlAsync($"""
                WITH made AS (
                    INSERT INTO subscribers (email, created_at, confirmed_at, stamp, all_of_scotland, topics, frequency)
                    SELECT {prefix} || n || '@example.org', {now}, {now}, gen_random_uuid(), false, 7, 1 FROM generate_series(1, {count}) AS n
                    RETURNING id)
                INSERT INTO subscriber_partnerships (subscriber_id, partnership_id) SELECT id, {partnershipId} FROM made
                """);
        });
    }
}
