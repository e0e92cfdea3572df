using System.Net;
using System.Text.RegularExpressions;
using CjpPortal.Core.Identity;
using CjpPortal.Core.Refresh;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CjpPortal.IntegrationTests.Refresh;

/// <summary>/manage/partnerships/{slug}/review: the walk-through the refresh e-mails link to, and its confirmation.</summary>
public sealed class ReviewTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture), IAsyncLifetime
{
    private const string Url = "/manage/partnerships/falkirk/review";

    async Task IAsyncLifetime.DisposeAsync()
    {
        Fixture.Clock.SetUtcNow(new FixedTimeProvider().GetUtcNow());
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Get_AsCoordinator_ShowsEachPartWithAChangeLink()
    {
        // Arrange
        await Fixture.CreateContactAsync("falkirk", "Morag Lindsay");
        await Fixture.CreateRouteAsync("falkirk", "Third sector forum");
        var user = await Fixture.CreateUserAsync(Roles.Coordinator, "falkirk");
        using var client = Fixture.CreateClientAs(user.Id);

        // Act
        var page = await client.GetDocumentAsync(Url);

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Morag Lindsay", page.One("#review-contacts").TextOf(), StringComparison.Ordinal);
        Assert.Contains("Third sector forum", page.One("#review-routes").TextOf(), StringComparison.Ordinal);
        var links = page.Document.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/manage/partnerships/falkirk/contacts", links);
        Assert.Contains("/manage/partnerships/falkirk/routes", links);
        Assert.Contains("/manage/partnerships/falkirk/documents", links);
        Assert.Contains("/manage/partnerships/falkirk", links);
        Assert.Contains("Not confirmed yet for 2026", page.One("#review-status").TextOf(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Confirm_RecordsTheDateAndHistoryShowsTheConfirmationPageAndStopsReminders()
    {
        // Arrange
        var coordinator = await Fixture.CreateActiveCoordinatorAsync("falkirk");
        await Fixture.ConfirmAllEntriesExceptAsync(new DateOnly(2027, 4, 1), "falkirk");
        Fixture.Clock.SetUtcNow(new DateTimeOffset(2027, 4, 10, 12, 0, 0, TimeSpan.Zero));
        using var client = Fixture.CreateClientAs(coordinator.Id);
        var review = await client.GetDocumentAsync(Url);

        // Act
        var posted = await client.SubmitAsync(review, new Dictionary<string, string>(), "#review-confirm-form");
        var confirmation = await client.GetDocumentAsync(posted.Response.Headers.Location!.OriginalString);
        await Fixture.RunSchedulerOnAsync(new DateOnly(2027, 4, 22));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/manage/partnerships/falkirk/review/confirmed", posted.Response.Headers.Location!.OriginalString);
        Assert.Contains("10 April 2027", confirmation.One("#review-confirmed").TextOf(), StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2027, 4, 10), await Fixture.WithDbContextAsync(db => db.Partnerships.Where(p => p.Slug == "falkirk").Select(p => p.LastConfirmedOn).SingleAsync()));
        var entry = await Fixture.WithDbContextAsync(db => db.AuditEntries.SingleAsync(e => e.Field == "LastConfirmedOn"));
        Assert.Equal("2027-04-10", entry.NewValue);
        Assert.Empty(await Fixture.QueuedEmailsAsync());
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_Returns400AndChangesNothing()
    {
        // Arrange
        var user = await Fixture.CreateUserAsync(Roles.Coordinator, "falkirk");
        using var client = Fixture.CreateClientAs(user.Id);

        // Act
        using var content = new FormUrlEncodedContent([]);
        var response = await client.PostAsync(new Uri(Url, UriKind.Relative), content);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await Fixture.WithDbContextAsync(db => db.Partnerships.Where(p => p.Slug == "falkirk").Select(p => p.LastConfirmedOn).SingleAsync()));
    }

    [Fact]
    public async Task Get_FromTheInvitationsLink_TokenValidatesAndThePageNamesTheYear()
    {
        // Arrange: the 2027 refresh opens; Falkirk's coordinator is invited
        var coordinator = await Fixture.CreateActiveCoordinatorAsync("falkirk");
        await Fixture.RunSchedulerOnAsync(new DateOnly(2027, 4, 1));
        var invitation = Assert.Single(await Fixture.WithDbContextAsync(db => db.EmailOutbox.Where(e => e.To == coordinator.Email).ToListAsync()));
        var link = new Uri(Regex.Match(invitation.TextBody, @"https?://\S+/manage/partnerships/falkirk/review\?token=\S+").Value);
        var token = Uri.UnescapeDataString(link.Query["?token=".Length..]);
        using var client = Fixture.CreateClientAs(coordinator.Id);

        // Act
        var page = await client.GetDocumentAsync(link.PathAndQuery);

        // Assert
        Assert.Contains(link.AbsoluteUri, invitation.HtmlBody, StringComparison.Ordinal);
        Assert.True(Tokens.TryRead(token, "falkirk", out var year));
        Assert.Equal(2027, year);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("You followed the link from your reminder for 2027", page.One("#review-link").TextOf(), StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("#review-link-invalid"));
    }

    [Fact]
    public async Task Get_TamperedToken_SaysTheLinkIsNotValidAndShowsTheReview()
    {
        // Arrange
        var token = Tokens.Create("falkirk", 2026);
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        var user = await Fixture.CreateUserAsync(Roles.Coordinator, "falkirk");
        using var client = Fixture.CreateClientAs(user.Id);

        // Act
        var page = await client.GetDocumentAsync($"{Url}?token={Uri.EscapeDataString(tampered)}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("The link you followed is not valid", page.One("#review-link-invalid").TextOf(), StringComparison.Ordinal);
        Assert.Equal(Url, page.One("#review-link-invalid a").GetAttribute("href"));
        Assert.Null(page.Document.QuerySelector("#review-link"));
        Assert.NotNull(page.Document.QuerySelector("#contacts-heading"));
    }

    [Fact]
    public async Task Get_AnotherPartnershipsToken_SaysTheLinkIsNotValid()
    {
        // Arrange: a valid token, for Stirling, on Falkirk's review
        var token = Tokens.Create("stirling", 2026);
        var user = await Fixture.CreateUserAsync(Roles.Coordinator, "falkirk");
        using var client = Fixture.CreateClientAs(user.Id);

        // Act
        var page = await client.GetDocumentAsync($"{Url}?token={Uri.EscapeDataString(token)}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotNull(page.Document.QuerySelector("#review-link-invalid"));
        Assert.Null(page.Document.QuerySelector("#review-link"));
    }

    [Fact]
    public async Task Get_ExpiredToken_SaysTheLinkIsNotValid()
    {
        // Arrange
        var token = Tokens.Create("falkirk", 2026);
        Fixture.Clock.Advance(ReviewLinkTokens.Lifetime + TimeSpan.FromMinutes(1));
        var user = await Fixture.CreateUserAsync(Roles.Coordinator, "falkirk");
        using var client = Fixture.CreateClientAs(user.Id);

        // Act
        var page = await client.GetDocumentAsync($"{Url}?token={Uri.EscapeDataString(token)}");

        // Assert
        Assert.NotNull(page.Document.QuerySelector("#review-link-invalid"));
    }

    private ReviewLinkTokens Tokens => Fixture.Factory.Services.GetRequiredService<ReviewLinkTokens>();
}
