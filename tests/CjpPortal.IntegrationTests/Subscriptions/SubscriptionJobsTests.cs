using CjpPortal.Core;
using CjpPortal.Core.Email;
using CjpPortal.Core.Subscriptions;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CjpPortal.IntegrationTests.Subscriptions;

/// <summary>The scheduled side: the fan-out in batches, the weekly digest, the 7-day clean-up and consultation alerts,
/// run by the scheduler with the fixture's clock.</summary>
[Collection(ReferenceDataCollection.Name)]
public sealed class SubscriptionJobsTests(ReferenceDataFixture fixture) : IAsyncLifetime
{
    private DateTimeOffset start;

    public async Task InitializeAsync()
    {
        start = fixture.Clock.GetUtcNow();
        await fixture.ResetDataAsync();
    }

    public Task DisposeAsync()
    {
        fixture.Clock.SetUtcNow(start);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task RunDue_BroadcastTo1200Subscribers_FannedOutInBatchesOfFiveHundredEachOnce()
    {
        // Arrange: 1,200 who should get it, and some who should not
        var falkirk = await fixture.PartnershipIdAsync("falkirk");
        await fixture.CreateSubscribersAsync("falkirk", 1200);
        await fixture.CreateSubscriberAsync("other-partnership@example.org", ["stirling"]);
        await fixture.CreateSubscriberAsync("weekly@example.org", ["falkirk"], frequency: SubscriptionFrequency.WeeklyDigest);
        await fixture.CreateSubscriberAsync("unconfirmed@example.org", ["falkirk"], confirmed: false);
        await fixture.CreateSubscriberAsync("other-topic@example.org", ["falkirk"], topics: SubscriptionTopics.Publications);
        await fixture.CreateSubscriberAsync("scotland@example.org");
        await fixture.CreateSubscriberAsync("bounced@example.org", ["falkirk"]);
        await fixture.WithDbContextAsync(async db =>
        {
            db.SuppressedAddresses.Add(new SuppressedAddress { AddressHash = SuppressedAddress.HashOf("bounced@example.org"), Reason = "550", CreatedAt = fixture.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        });
        await fixture.QueueBroadcastAsync(falkirk);

        // Act: one batch, then the scheduler finishes it, then runs again
        int firstBatch;
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetServices<CjpPortal.Core.Scheduling.IScheduledJob>().OfType<BroadcastFanOut>().Single()
                .FanOutBatchAsync(fixture.Clock.GetUtcNow(), CancellationToken.None);
            firstBatch = await scope.ServiceProvider.GetRequiredService<AppDbContext>().EmailOutbox.CountAsync();
        }

        var progress = await fixture.WithDbContextAsync(db => db.Broadcasts.SingleAsync());
        await fixture.RunSchedulerAsync();
        await fixture.RunSchedulerAsync();

        // Assert
        Assert.Equal(500, firstBatch);
        Assert.Null(progress.FannedOutAt);
        Assert.True(progress.FannedOutThroughSubscriberId > 0);
        var recipients = await fixture.WithDbContextAsync(db => db.EmailOutbox.Select(e => e.To).ToListAsync());
        Assert.Equal(1201, recipients.Count);
        Assert.Equal(1201, recipients.Distinct().Count());
        Assert.Contains("scotland@example.org", recipients);
        Assert.DoesNotContain("weekly@example.org", recipients);
        Assert.DoesNotContain("other-partnership@example.org", recipients);
        Assert.DoesNotContain("unconfirmed@example.org", recipients);
        Assert.DoesNotContain("other-topic@example.org", recipients);
        Assert.DoesNotContain("bounced@example.org", recipients);
        Assert.NotNull((await fixture.WithDbContextAsync(db => db.Broadcasts.SingleAsync())).FannedOutAt);
    }

    [Fact]
    public async Task RunDue_NationalBroadcast_GoesOnlyToAllOfScotland()
    {
        // Arrange
        await fixture.CreateSubscriberAsync("falkirk@example.org", ["falkirk"]);
        await fixture.CreateSubscriberAsync("scotland@example.org");
        await fixture.QueueBroadcastAsync(null, subject: "National forum");

        // Act
        await fixture.RunSchedulerAsync();

        // Assert
        Assert.Equal(["scotland@example.org"], await fixture.WithDbContextAsync(db => db.EmailOutbox.Select(e => e.To).ToListAsync()));
    }

    [Fact]
    public async Task RunDue_WeekAfterTwoBroadcasts_OneDigestPerWeeklySubscriberOnce()
    {
        // Arrange: a Wednesday; broadcasts this week, the digest from next Monday
        fixture.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.Zero));
        var falkirk = await fixture.PartnershipIdAsync("falkirk");
        var stirling = await fixture.PartnershipIdAsync("stirling");
        await fixture.CreateSubscriberAsync("weekly@example.org", ["falkirk"], frequency: SubscriptionFrequency.WeeklyDigest);
        await fixture.CreateSubscriberAsync("quiet@example.org", ["angus"], frequency: SubscriptionFrequency.WeeklyDigest);
        await fixture.QueueBroadcastAsync(falkirk, subject: "Forum meeting");
        await fixture.QueueBroadcastAsync(falkirk, SubscriptionTopics.Consultations, "Consultation open");
        await fixture.QueueBroadcastAsync(stirling, subject: "Stirling forum");

        // Act
        await fixture.RunSchedulerAsync();
        var duringTheWeek = await DigestsAsync();
        fixture.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 9, 6, 0, 0, TimeSpan.Zero));
        await fixture.RunSchedulerAsync();
        await fixture.RunSchedulerAsync();

        // Assert
        Assert.Empty(duringTheWeek);
        var digest = Assert.Single(await DigestsAsync());
        Assert.Equal("weekly@example.org", digest.To);
        Assert.Contains("Forum meeting", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Consultation open", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Stirling forum", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("List-Unsubscribe-Post", digest.Headers, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunDue_ConsultationsClosingWithin7Days_InTheDigestOfTheirConsultationSubscribers()
    {
        // Arrange: a quiet week (no broadcasts); the digest runs on Monday 9 March
        fixture.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.Zero));
        var monday = new DateOnly(2026, 3, 9);
        var opened = new DateOnly(2026, 2, 1);
        await fixture.CreatePlanAsync("falkirk", new DateOnly(2026, 4, 1), new DateOnly(2029, 3, 31), consultationOpensOn: opened, consultationClosesOn: monday.AddDays(7));
        await fixture.CreatePlanAsync("angus", new DateOnly(2026, 4, 1), new DateOnly(2029, 3, 31), consultationOpensOn: opened, consultationClosesOn: monday.AddDays(3));
        await fixture.CreatePlanAsync("stirling", new DateOnly(2026, 4, 1), new DateOnly(2029, 3, 31), consultationOpensOn: opened, consultationClosesOn: monday.AddDays(8));
        await fixture.CreatePlanAsync("moray", new DateOnly(2026, 4, 1), new DateOnly(2029, 3, 31), consultationOpensOn: opened, consultationClosesOn: monday.AddDays(-1));
        await fixture.CreateSubscriberAsync("falkirk@example.org", ["falkirk"], topics: SubscriptionTopics.Consultations, frequency: SubscriptionFrequency.WeeklyDigest);
        await fixture.CreateSubscriberAsync("scotland@example.org", topics: SubscriptionTopics.Consultations, frequency: SubscriptionFrequency.WeeklyDigest);
        await fixture.CreateSubscriberAsync("stirling@example.org", ["stirling", "moray"], topics: SubscriptionTopics.Consultations, frequency: SubscriptionFrequency.WeeklyDigest);
        await fixture.CreateSubscriberAsync("publications@example.org", ["falkirk"], topics: SubscriptionTopics.Publications, frequency: SubscriptionFrequency.WeeklyDigest);

        // Act
        fixture.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 9, 6, 0, 0, TimeSpan.Zero));
        await fixture.RunSchedulerAsync();
        await fixture.RunSchedulerAsync();

        // Assert
        var digests = (await DigestsAsync()).ToDictionary(d => d.To);
        Assert.Equal(["falkirk@example.org", "scotland@example.org"], digests.Keys.Order(StringComparer.Ordinal));
        var falkirk = digests["falkirk@example.org"];
        Assert.Contains("Falkirk Community Justice Partnership: draft plan for 2026 to 2029", falkirk.TextBody, StringComparison.Ordinal);
        Assert.Contains("Closes in 7 days (16 March 2026)", falkirk.TextBody, StringComparison.Ordinal);
        Assert.Contains("Respond by e-mail to: plan@falkirk.example.org", falkirk.TextBody, StringComparison.Ordinal);
        Assert.Contains("Closes in 7 days", falkirk.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Angus", falkirk.TextBody, StringComparison.Ordinal);
        var scotland = digests["scotland@example.org"].TextBody;
        Assert.Contains("Closes in 3 days", scotland, StringComparison.Ordinal);
        Assert.True(scotland.IndexOf("Angus", StringComparison.Ordinal) < scotland.IndexOf("Falkirk", StringComparison.Ordinal), "soonest-closing first");
        Assert.DoesNotContain("Stirling", scotland, StringComparison.Ordinal);
        Assert.DoesNotContain("Moray", scotland, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunDue_ConsultationEnteringTheWindowMidWeek_OnlyInNextWeeksDigest()
    {
        // Arrange: a quiet week; the consultation closes on Tuesday 17 March, 8 days after Monday 9 March's digest
        fixture.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.Zero));
        await fixture.CreatePlanAsync("falkirk", new DateOnly(2026, 4, 1), new DateOnly(2029, 3, 31),
            consultationOpensOn: new DateOnly(2026, 2, 1), consultationClosesOn: new DateOnly(2026, 3, 17));
        await fixture.CreateSubscriberAsync("falkirk@example.org", ["falkirk"], topics: SubscriptionTopics.Consultations, frequency: SubscriptionFrequency.WeeklyDigest);

        // Act: Monday's round, a round on Wednesday (the close date is now within 7 days), then next Monday's
        fixture.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 9, 6, 0, 0, TimeSpan.Zero));
        await fixture.RunSchedulerAsync();
        fixture.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 11, 12, 0, 0, TimeSpan.Zero));
        await fixture.RunSchedulerAsync();
        var beforeNextWeek = await DigestsAsync();
        fixture.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 16, 6, 0, 0, TimeSpan.Zero));
        await fixture.RunSchedulerAsync();
        fixture.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 18, 12, 0, 0, TimeSpan.Zero));
        await fixture.RunSchedulerAsync();

        // Assert
        Assert.Empty(beforeNextWeek);
        var digest = Assert.Single(await DigestsAsync());
        Assert.Contains("Closes tomorrow (17 March 2026)", digest.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunDue_UnconfirmedOlderThan7Days_Deleted()
    {
        // Arrange
        await fixture.CreateSubscriberAsync("old@example.org", ["falkirk"], confirmed: false);
        await fixture.CreateSubscriberAsync("confirmed@example.org", ["falkirk"]);
        fixture.Clock.Advance(TimeSpan.FromDays(1));
        await fixture.CreateSubscriberAsync("recent@example.org", ["falkirk"], confirmed: false);
        fixture.Clock.Advance(TimeSpan.FromDays(6) + TimeSpan.FromMinutes(1));

        // Act
        await fixture.RunSchedulerAsync();

        // Assert
        var left = await fixture.WithDbContextAsync(db => db.Subscribers.OrderBy(s => s.Email).Select(s => s.Email).ToListAsync());
        Assert.Equal(["confirmed@example.org", "recent@example.org"], left);
        Assert.Equal(2, await fixture.WithDbContextAsync(db => db.SubscriberPartnerships.CountAsync()));
    }

    [Fact]
    public async Task RunDue_ConsultationOpens_OneBroadcastForItsSubscribers()
    {
        // Arrange
        var today = CjpPortal.Core.Rules.ScottishTime.Today(fixture.Clock);
        await fixture.CreatePlanAsync("falkirk", new DateOnly(2026, 4, 1), new DateOnly(2029, 3, 31), consultationOpensOn: today.AddDays(1), consultationClosesOn: today.AddDays(30));
        await fixture.CreateSubscriberAsync("consultations@example.org", ["falkirk"], topics: SubscriptionTopics.Consultations);

        // Act
        await fixture.RunSchedulerAsync();
        var beforeItOpens = await fixture.WithDbContextAsync(db => db.Broadcasts.CountAsync());
        fixture.Clock.Advance(TimeSpan.FromDays(1));
        await fixture.RunSchedulerAsync();
        await fixture.RunSchedulerAsync();

        // Assert
        Assert.Equal(0, beforeItOpens);
        var broadcast = await fixture.WithDbContextAsync(db => db.Broadcasts.SingleAsync());
        Assert.Equal(SubscriptionTopics.Consultations, broadcast.Topic);
        var mail = await fixture.WithDbContextAsync(db => db.EmailOutbox.SingleAsync());
        Assert.Equal("consultations@example.org", mail.To);
        Assert.Contains("consultation open", mail.Subject, StringComparison.Ordinal);
    }

    private Task<List<OutboxEmail>> DigestsAsync() =>
        fixture.WithDbContextAsync(db => db.EmailOutbox.Where(e => e.Subject.StartsWith("This week")).ToListAsync());
}
