using System.Net;
using CjpPortal.Core.Email;
using CjpPortal.Core.Subscriptions;
using CjpPortal.TestCommon;
using CjpPortal.TestCommon.Smtp;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.IntegrationTests.Subscriptions;

/// <summary>A third-sector worker subscribes, confirms from the e-mail, gets a forum update, and unsubscribes with
/// their mail client's one-click button: against real PostgreSQL and a real SMTP server.</summary>
[Collection(ReferenceDataCollection.Name)]
public sealed class SubscriptionJourneyTests(ReferenceDataFixture fixture) : IAsyncLifetime
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
    public async Task Post_SubscribeConfirmReceiveAndOneClickUnsubscribe_LeavesOnlyTheHash()
    {
        // Arrange
        await using var server = await SmtpServer.StartAsync();
        var dispatcher = TestDispatchers.Create(fixture, server, "journey");
        var falkirk = await fixture.PartnershipIdAsync("falkirk");
        using var client = fixture.Factory.CreateClient();

        // Act: subscribe, from the partnership's link
        var form = await client.GetDocumentAsync("/subscribe?partnership=falkirk");
        var sent = await client.SubscribeAsync(("Email", " Reader@Example.org "), ("PartnershipIds", falkirk.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Topics", nameof(SubscriptionTopics.MeetingsAndUpdates)), ("Topics", nameof(SubscriptionTopics.Consultations)), ("Frequency", nameof(SubscriptionFrequency.Immediately)));
        await dispatcher.SendDueAsync(CancellationToken.None);
        var confirmation = Assert.Single(server.Messages());
        var confirmLink = SubscriptionTestSupport.LinkIn(confirmation, SubscriptionLinks.ConfirmPath);
        var confirmPage = await client.GetDocumentAsync(confirmLink);
        var confirmedByGet = await fixture.WithDbContextAsync(db => db.Subscribers.AnyAsync(s => s.ConfirmedAt != null));
        var confirmed = await client.ClickAsync(confirmPage, "main form button");

        // Act: a forum update for Falkirk, fanned out by the scheduler and delivered
        await fixture.QueueBroadcastAsync(falkirk);
        await fixture.RunSchedulerAsync();
        await dispatcher.SendDueAsync(CancellationToken.None);
        var update = server.Messages().Single(m => m.Subject == "Forum meeting on 3 March");

        // Act: the mail client's one-click unsubscribe: a POST to the header's https address, no cookie, no form token
        var listUnsubscribe = update.Headers["List-Unsubscribe"] ?? string.Empty;
        var unsubscribeUrl = new Uri(listUnsubscribe[1..listUnsubscribe.IndexOf('>', StringComparison.Ordinal)]);
        using var mailClient = fixture.CreateClient();
        var unsubscribed = await mailClient.PostFormAsync(unsubscribeUrl.PathAndQuery, [KeyValuePair.Create("List-Unsubscribe", "One-Click")]);

        // Assert: subscribing
        Assert.True(form.Document.QuerySelector($"input[name=PartnershipIds][value='{falkirk}']")?.HasAttribute("checked"));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal("Check your email", sent.One("h1").TextOf());
        Assert.Equal("reader@example.org", Assert.Single(confirmation.To.Mailboxes).Address);
        Assert.Equal(SubscriptionEmails.ConfirmSubject, confirmation.Subject);
        Assert.Contains(confirmLink, confirmation.HtmlBody, StringComparison.Ordinal);
        Assert.False(confirmedByGet);
        Assert.Equal("Confirm your subscription", confirmPage.One("h1").TextOf());
        Assert.Equal("Subscription confirmed", confirmed.One("h1").TextOf());

        // Assert: the update, its headers and both parts
        Assert.Equal("reader@example.org", Assert.Single(update.To.Mailboxes).Address);
        Assert.Equal("http", unsubscribeUrl.Scheme);
        Assert.Equal(SubscriptionLinks.UnsubscribePath, unsubscribeUrl.AbsolutePath);
        Assert.Matches(@"^<http://localhost/subscriptions/unsubscribe\?token=[^>]+>, <mailto:[^>]+\?subject=unsubscribe>$", listUnsubscribe);
        Assert.Equal("List-Unsubscribe=One-Click", update.Headers["List-Unsubscribe-Post"]);
        Assert.IsType<MimeKit.MultipartAlternative>(update.Body);
        Assert.Contains("The Falkirk third-sector forum meets in the Town Hall.", update.TextBody, StringComparison.Ordinal);
        Assert.Contains("http://localhost/partnerships/falkirk", update.TextBody, StringComparison.Ordinal);
        Assert.Contains("http://localhost/subscriptions/manage?token=", update.TextBody, StringComparison.Ordinal);
        Assert.Contains("<strong>Town Hall</strong>", update.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<h1>Forum meeting on 3 March</h1>", update.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("/subscriptions/manage?token=", update.HtmlBody, StringComparison.Ordinal);

        // Assert: unsubscribed at once, and nothing but the hash is left
        Assert.Equal(HttpStatusCode.OK, unsubscribed.StatusCode);
        Assert.Equal("You have unsubscribed", unsubscribed.One("h1").TextOf());
        var (subscribers, follows, outbox, hashes) = await fixture.WithDbContextAsync(async db => (
            await db.Subscribers.CountAsync(),
            await db.SubscriberPartnerships.CountAsync(),
            await db.EmailOutbox.CountAsync(e => e.To == "reader@example.org"),
            await db.UnsubscribedAddresses.Select(u => u.AddressHash).ToListAsync()));
        Assert.Equal(0, subscribers);
        Assert.Equal(0, follows);
        Assert.Equal(0, outbox);
        Assert.Equal([SuppressedAddress.HashOf("reader@example.org")], hashes);
    }

    [Fact]
    public async Task Post_UnsubscribedBeforeQueuedUpdateIsSent_UpdateIsNotSent()
    {
        // Arrange: the fan-out has queued the update; the subscriber unsubscribes before the dispatcher sends it
        await using var server = await SmtpServer.StartAsync();
        var dispatcher = TestDispatchers.Create(fixture, server, "late");
        var falkirk = await fixture.PartnershipIdAsync("falkirk");
        await fixture.CreateSubscriberAsync("late@example.org", ["falkirk"]);
        await fixture.QueueBroadcastAsync(falkirk);
        await fixture.RunSchedulerAsync();
        // As a fan-out batch that read the subscriber just before the unsubscribe committed: a row written after it.
        var queued = await fixture.WithDbContextAsync(db => db.EmailOutbox.AsNoTracking().SingleAsync());
        await fixture.WithDbContextAsync(async db =>
        {
            var subscriber = await db.Subscribers.SingleAsync();
            db.UnsubscribedAddresses.Add(new UnsubscribedAddress { AddressHash = SuppressedAddress.HashOf(subscriber.Email), CreatedAt = fixture.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        });

        // Act
        var result = await dispatcher.SendDueAsync(CancellationToken.None);

        // Assert
        Assert.Equal(new DispatchResult(Sent: 0, Retried: 0, Failed: 0, Suppressed: 1), result);
        Assert.Empty(server.Messages());
        Assert.Equal(OutboxEmailStatus.Cancelled, (await fixture.WithDbContextAsync(db => db.EmailOutbox.SingleAsync(e => e.Id == queued.Id))).Status);
    }
}
