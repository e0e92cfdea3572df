using System.Net;
using CjpPortal.Core.Identity;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.IntegrationTests.Manage;

/// <summary>/manage/partnerships/{slug}/routes: deleting a route (after confirming, history kept and shown) and
/// titles that differ only in case or spaces.</summary>
public sealed class RouteRulesTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    private const string Slug = "falkirk";
    private const string ListUrl = $"/manage/partnerships/{Slug}/routes";

    private async Task<HttpClient> CoordinatorAsync()
    {
        var user = await Fixture.CreateUserAsync(Roles.Coordinator, Slug);
        return Fixture.CreateClientAs(user.Id);
    }

    [Fact]
    public async Task Get_ListsDelete_LeadsToAConfirmationPage()
    {
        // Arrange
        var route = await Fixture.CreateRouteAsync(Slug, "Falkirk Third Sector Forum");
        using var client = await CoordinatorAsync();
        var list = await client.GetDocumentAsync(ListUrl);

        // Act
        var confirm = await client.GetDocumentAsync(list.One($"#route-{route.Id} a[href$='/delete']").GetAttribute("href")!);

        // Assert
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("Falkirk Third Sector Forum", confirm.One("main").TextOf(), StringComparison.Ordinal);
        Assert.Contains("history", confirm.One("main").TextOf(), StringComparison.Ordinal);
        Assert.Equal(1, await Fixture.WithDbContextAsync(db => db.EngagementRoutes.CountAsync()));
    }

    [Fact]
    public async Task Post_DeleteConfirmed_DeletesTheRouteAndHistoryStillShowsIt()
    {
        // Arrange
        using var client = await CoordinatorAsync();
        var form = await client.GetDocumentAsync($"{ListUrl}/new");
        await client.SubmitAsync(form, EditForms.Filled(form, ("Kind", "2"), ("Title", "Falkirk Third Sector Forum")));
        var id = await Fixture.WithDbContextAsync(db => db.EngagementRoutes.Select(r => r.Id).SingleAsync());
        var confirm = await client.GetDocumentAsync($"{ListUrl}/{id}/delete");

        // Act
        var done = await client.SubmitAsync(confirm, new Dictionary<string, string>());
        var history = await client.GetDocumentAsync($"/manage/partnerships/{Slug}/history");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(ListUrl, done.Response.Headers.Location?.OriginalString);
        Assert.Equal(0, await Fixture.WithDbContextAsync(db => db.EngagementRoutes.CountAsync()));
        var rows = history.Document.QuerySelectorAll("#history tbody tr").Select(r => r.TextOf()).ToList();
        // Newest first: the deletion (title to blank), then the addition (blank to title)
        Assert.Contains(rows, r => r.EndsWith("Engagement route: Falkirk Third Sector Forum Title Falkirk Third Sector Forum (blank)", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.EndsWith("Engagement route: Falkirk Third Sector Forum Title (blank) Falkirk Third Sector Forum", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_DeleteAnotherPartnershipsRoute_Returns404AndPostDeletesNothing()
    {
        // Arrange
        var other = await Fixture.CreateRouteAsync("orkney", "Orkney Forum");
        using var client = await CoordinatorAsync();

        // Act
        var page = await client.GetDocumentAsync($"{ListUrl}/{other.Id}/delete");
        var post = await client.PostFormAsync($"{ListUrl}/{other.Id}/delete", []);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal(1, await Fixture.WithDbContextAsync(db => db.EngagementRoutes.CountAsync()));
    }

    [Theory]
    [InlineData("falkirk third sector forum")]
    [InlineData("Falkirk  Third Sector Forum ")]
    [InlineData("FALKIRK THIRD   SECTOR FORUM")]
    public async Task Post_TitleDifferingOnlyInCaseOrSpaces_Returns400WithErrorOnTitle(string title)
    {
        // Arrange
        await Fixture.CreateRouteAsync(Slug, "Falkirk Third Sector Forum");
        using var client = await CoordinatorAsync();
        var form = await client.GetDocumentAsync($"{ListUrl}/new");

        // Act
        var page = await client.SubmitAsync(form, EditForms.Filled(form, ("Kind", "2"), ("Title", title)));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("already has a route with this title", page.One("#Title-error").TextOf(), StringComparison.Ordinal);
        Assert.Equal(1, await Fixture.WithDbContextAsync(db => db.EngagementRoutes.CountAsync()));
    }
}
