using System.Net;
using CjpPortal.Core.Identity;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;

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
}
