using System.Globalization;
using System.Net;
using CjpPortal.Core.Subscriptions;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.IntegrationTests.Subscriptions;

/// <summary>The subscribe form: bad input, the honeypot, the same answer for every address, and at most one
/// confirmation e-mail per address per interval.</summary>
[Collection(ReferenceDataCollection.Name)]
public sealed class SubscribeTests(ReferenceDataFixture fixture) : IAsyncLifetime
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

    [Theory]
    [InlineData("", "falkirk", "MeetingsAndUpdates", "Immediately", "Email", "Enter your email address")]
    [InlineData("not an address", "falkirk", "MeetingsAndUpdates", "Immediately", "Email", "Enter an email address in the correct format, like name@example.org")]
    [InlineData("reader@example.org", "", "MeetingsAndUpdates", "Immediately", "PartnershipIds", SubscriptionChoicesModelMessages.FollowMissing)]
    [InlineData("reader@example.org", "falkirk", "", "Immediately", "Topics", SubscriptionChoicesModelMessages.TopicsMissing)]
    [InlineData("reader@example.org", "falkirk", "Everything", "Immediately", "Topics", "Choose from the list")]
    [InlineData("reader@example.org", "falkirk", "MeetingsAndUpdates", "", "Frequency", SubscriptionChoicesModelMessages.FrequencyMissing)]
    [InlineData("reader@example.org", "falkirk", "MeetingsAndUpdates", "Hourly", "Frequency", SubscriptionChoicesModelMessages.FrequencyMissing)]
    [InlineData("reader@example.org", "999999", "MeetingsAndUpdates", "Immediately", "PartnershipIds", "Choose partnerships from the list")]
    public async Task Post_BadInput_Returns400WithMessageAndSavesNothing(string email, string partnership, string topic, string frequency, string field, string message)
    {
        // Arrange
        using var client = fixture.Factory.CreateClient();
        var partnershipValue = partnership == "falkirk" ? (await fixture.PartnershipIdAsync("falkirk")).ToString(CultureInfo.InvariantCulture) : partnership;

        // Act
        var page = await client.SubscribeAsync(("Email", email), ("PartnershipIds", partnershipValue), ("Topics", topic), ("Frequency", frequency));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains(message, page.One(".ds_error-summary").TextOf(), StringComparison.Ordinal);
        Assert.Contains(message, page.One($"#{field}-error").TextOf(), StringComparison.Ordinal);
        Assert.StartsWith("Error: ", page.Document.Title, StringComparison.Ordinal);
        Assert.Equal((0, 0), await CountsAsync());
    }

    [Fact]
    public async Task Post_HoneypotFilledIn_ShowsTheSameAnswerAndSavesNothing()
    {
        // Arrange
        using var client = fixture.Factory.CreateClient();

        // Act
        var page = await client.SubscribeAsync(("Email", "bot@example.org"), ("AllOfScotland", "true"), ("Topics", "Consultations"), ("Frequency", "Immediately"), ("Website", "http://spam.example"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("Check your email", page.One("h1").TextOf());
        Assert.Equal((0, 0), await CountsAsync());
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_Returns400AndSavesNothing()
    {
        // Arrange
        using var client = fixture.CreateClient();

        // Act
        var page = await client.PostFormAsync("/subscribe", [KeyValuePair.Create("Email", "reader@example.org"), KeyValuePair.Create("AllOfScotland", "true"),
            KeyValuePair.Create("Topics", "Consultations"), KeyValuePair.Create("Frequency", "Immediately")]);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal((0, 0), await CountsAsync());
    }

    [Fact]
    public async Task Post_SameAddressTwiceWithinInterval_OnePendingSubscriptionOneEmailThenAnotherAfterIt()
    {
        // Arrange
        using var client = fixture.Factory.CreateClient();

        // Act
        await client.SubscribeAsync(("Email", "reader@example.org"), ("AllOfScotland", "true"), ("Topics", "Consultations"), ("Frequency", "Immediately"));
        fixture.Clock.Advance(TimeSpan.FromMinutes(14));
        var second = await client.SubscribeAsync(("Email", "READER@example.org"), ("AllOfScotland", "true"), ("Topics", "Publications"), ("Frequency", "WeeklyDigest"));
        var afterSecond = await CountsAsync();
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await client.SubscribeAsync(("Email", "reader@example.org"), ("AllOfScotland", "true"), ("Topics", "Publications"), ("Frequency", "WeeklyDigest"));

        // Assert
        Assert.Equal("Check your email", second.One("h1").TextOf());
        Assert.Equal((1, 1), afterSecond);
        Assert.Equal((1, 2), await CountsAsync());
        var subscriber = await fixture.WithDbContextAsync(db => db.Subscribers.SingleAsync());
        Assert.Equal(SubscriptionTopics.Publications, subscriber.Topics);
        Assert.Equal(SubscriptionFrequency.WeeklyDigest, subscriber.Frequency);
        Assert.Null(subscriber.ConfirmedAt);
    }

    [Fact]
    public async Task Post_AddressAlreadyConfirmed_SameAnswerChoicesKeptAndManageLinkSent()
    {
        // Arrange
        await fixture.CreateSubscriberAsync("known@example.org", ["falkirk"], topics: SubscriptionTopics.Consultations);
        using var client = fixture.Factory.CreateClient();

        // Act
        var known = await client.SubscribeAsync(("Email", "known@example.org"), ("AllOfScotland", "true"), ("Topics", "Publications"), ("Frequency", "Immediately"));
        var unknown = await client.SubscribeAsync(("Email", "unknown@example.org"), ("AllOfScotland", "true"), ("Topics", "Publications"), ("Frequency", "Immediately"));

        // Assert
        Assert.Equal(unknown.One("main").TextOf(), known.One("main").TextOf());
        var subscriber = await fixture.WithDbContextAsync(db => db.Subscribers.Include(s => s.Partnerships).SingleAsync(s => s.Email == "known@example.org"));
        Assert.Equal(SubscriptionTopics.Consultations, subscriber.Topics);
        Assert.False(subscriber.AllOfScotland);
        var mail = await fixture.WithDbContextAsync(db => db.EmailOutbox.SingleAsync(e => e.To == "known@example.org"));
        Assert.Equal(SubscriptionEmails.AlreadySubscribedSubject, mail.Subject);
        Assert.Contains("/subscriptions/manage?token=", mail.TextBody, StringComparison.Ordinal);
    }

    private Task<(int Subscribers, int Emails)> CountsAsync() =>
        fixture.WithDbContextAsync(async db => (await db.Subscribers.CountAsync(), await db.EmailOutbox.CountAsync()));
}

/// <summary>The form's messages, named once for the InlineData above.</summary>
internal static class SubscriptionChoicesModelMessages
{
    public const string FollowMissing = CjpPortal.Web.Pages.Subscriptions.SubscriptionChoicesModel.FollowMissingMessage;
    public const string TopicsMissing = CjpPortal.Web.Pages.Subscriptions.SubscriptionChoicesModel.TopicsMissingMessage;
    public const string FrequencyMissing = CjpPortal.Web.Pages.Subscriptions.SubscriptionChoicesModel.FrequencyMissingMessage;
}
