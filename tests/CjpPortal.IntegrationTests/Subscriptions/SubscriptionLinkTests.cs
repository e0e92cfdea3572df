using System.Net;
using CjpPortal.Core.Subscriptions;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CjpPortal.IntegrationTests.Subscriptions;

/// <summary>The pages reached from e-mailed links: a tampered, expired or foreign link gets a clear 400 page and
/// changes nothing; a good manage link shows what is held and changes it; deleting asks first.</summary>
[Collection(ReferenceDataCollection.Name)]
public sealed class SubscriptionLinkTests(ReferenceDataFixture fixture) : IAsyncLifetime
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

    private SubscriptionLinks Links => fixture.Factory.Services.GetRequiredService<SubscriptionLinks>();

    [Theory]
    [InlineData("/subscriptions/confirm")]
    [InlineData("/subscriptions/manage")]
    [InlineData("/subscriptions/delete")]
    [InlineData("/subscriptions/unsubscribe")]
    public async Task Get_TamperedToken_Returns400BadLinkPage(string path)
    {
        // Arrange
        var subscriber = await fixture.CreateSubscriberAsync("reader@example.org", ["falkirk"]);
        var token = Links.ManageToken(subscriber);
        var tampered = token[..^3] + (token[^3] == 'A' ? "B" : "A") + token[^2..];

        // Act
        var page = await fixture.CreateClient().GetDocumentAsync($"{path}?token={Uri.EscapeDataString(tampered)}");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal("This link does not work", page.One("h1").TextOf());
        Assert.NotNull(page.Document.QuerySelector("#bad-link"));
    }

    [Fact]
    public async Task Post_OneClickWithTamperedToken_Returns400AndKeepsTheSubscription()
    {
        // Arrange
        var subscriber = await fixture.CreateSubscriberAsync("reader@example.org", ["falkirk"]);
        var url = Links.Unsubscribe(subscriber).PathAndQuery[..^2] + "xx";

        // Act
        var page = await fixture.CreateClient().PostFormAsync(url, [KeyValuePair.Create("List-Unsubscribe", "One-Click")]);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal(1, await fixture.WithDbContextAsync(db => db.Subscribers.CountAsync()));
    }

    [Fact]
    public async Task Post_ConfirmLinkUsedAsManageLink_Returns400()
    {
        // Arrange: a confirmation token is for confirming only
        var subscriber = await fixture.CreateSubscriberAsync("reader@example.org", ["falkirk"], confirmed: false);
        var confirm = Links.Confirm(subscriber);

        // Act
        var page = await fixture.CreateClient().PostFormAsync(SubscriptionLinks.UnsubscribePath + confirm.Query, [KeyValuePair.Create("List-Unsubscribe", "One-Click")]);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal(1, await fixture.WithDbContextAsync(db => db.Subscribers.CountAsync()));
    }

    [Fact]
    public async Task Post_ConfirmAfterLinkExpired_Returns400AndStaysUnconfirmed()
    {
        // Arrange
        var subscriber = await fixture.CreateSubscriberAsync("reader@example.org", ["falkirk"], confirmed: false);
        using var client = fixture.Factory.CreateClient();
        var page = await client.GetDocumentAsync(Links.Confirm(subscriber).PathAndQuery);
        fixture.Clock.Advance(TimeSpan.FromDays(7));

        // Act
        var confirmed = await client.ClickAsync(page, "main form button");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, confirmed.StatusCode);
        Assert.Equal("This link does not work", confirmed.One("h1").TextOf());
        Assert.Null((await fixture.WithDbContextAsync(db => db.Subscribers.SingleAsync())).ConfirmedAt);
    }

    [Fact]
    public async Task Post_OneClickWithoutTheOneClickBody_Returns400AndKeepsTheSubscription()
    {
        // Arrange
        var subscriber = await fixture.CreateSubscriberAsync("reader@example.org", ["falkirk"]);

        // Act
        var page = await fixture.CreateClient().PostFormAsync(Links.Unsubscribe(subscriber).PathAndQuery, []);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal(1, await fixture.WithDbContextAsync(db => db.Subscribers.CountAsync()));
    }

    [Fact]
    public async Task Post_ManageNewChoices_SavedAndShownWithWhatIsHeld()
    {
        // Arrange
        var subscriber = await fixture.CreateSubscriberAsync("reader@example.org", ["falkirk"], topics: SubscriptionTopics.Consultations);
        using var client = fixture.Factory.CreateClient();
        var page = await client.GetDocumentAsync(Links.Manage(subscriber).PathAndQuery);
        // The ticked box before its hidden "false", as a browser sends them.
        KeyValuePair<string, string>[] fields =
        [
            KeyValuePair.Create("AllOfScotland", "true"), KeyValuePair.Create("Topics", "Publications"), KeyValuePair.Create("Topics", "MeetingsAndUpdates"),
            KeyValuePair.Create("Frequency", "WeeklyDigest"),
            .. page.Document.QuerySelectorAll("main form input[type=hidden]").Select(i => KeyValuePair.Create(i.GetAttribute("name")!, i.GetAttribute("value")!)),
        ];

        // Act
        var saved = await client.PostFormAsync(Links.Manage(subscriber).PathAndQuery, fields);

        // Assert
        Assert.Contains("reader@example.org", page.One("#held").TextOf(), StringComparison.Ordinal);
        Assert.Contains("Falkirk", page.One("#held").TextOf(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("Your choices have been saved.", saved.One("#banner").TextOf());
        Assert.Contains("All of Scotland", saved.One("#held").TextOf(), StringComparison.Ordinal);
        var stored = await fixture.WithDbContextAsync(db => db.Subscribers.Include(s => s.Partnerships).SingleAsync());
        Assert.True(stored.AllOfScotland);
        Assert.Empty(stored.Partnerships);
        Assert.Equal(SubscriptionTopics.Publications | SubscriptionTopics.MeetingsAndUpdates, stored.Topics);
        Assert.Equal(SubscriptionFrequency.WeeklyDigest, stored.Frequency);
    }

    [Fact]
    public async Task Post_ManageWithNoTopics_Returns400AndChangesNothing()
    {
        // Arrange
        var subscriber = await fixture.CreateSubscriberAsync("reader@example.org", ["falkirk"], topics: SubscriptionTopics.Consultations);
        using var client = fixture.Factory.CreateClient();
        var page = await client.GetDocumentAsync(Links.Manage(subscriber).PathAndQuery);

        // Act
        var saved = await client.SubmitAsync(page, new Dictionary<string, string> { ["AllOfScotland"] = "true", ["Frequency"] = "Immediately" });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, saved.StatusCode);
        Assert.NotNull(saved.Document.QuerySelector("#Topics-error"));
        Assert.Equal(SubscriptionTopics.Consultations, (await fixture.WithDbContextAsync(db => db.Subscribers.SingleAsync())).Topics);
    }

    [Fact]
    public async Task Post_DeleteAfterTheQuestion_DeletesEverything()
    {
        // Arrange
        var subscriber = await fixture.CreateSubscriberAsync("reader@example.org", ["falkirk"]);
        using var client = fixture.Factory.CreateClient();
        var question = await client.GetDocumentAsync(Links.Manage(subscriber).PathAndQuery.Replace(SubscriptionLinks.ManagePath, SubscriptionLinks.DeletePath, StringComparison.Ordinal));
        var stillThere = await fixture.WithDbContextAsync(db => db.Subscribers.CountAsync());

        // Act
        var deleted = await client.ClickAsync(question, "main form button");

        // Assert
        Assert.Equal("Unsubscribe and delete your details", question.One("h1").TextOf());
        Assert.Equal(1, stillThere);
        Assert.Equal("You have unsubscribed", deleted.One("h1").TextOf());
        Assert.Equal(0, await fixture.WithDbContextAsync(db => db.Subscribers.CountAsync()));
        Assert.Equal(1, await fixture.WithDbContextAsync(db => db.UnsubscribedAddresses.CountAsync()));
    }
}
