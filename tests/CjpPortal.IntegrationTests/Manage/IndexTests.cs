using System.Net;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;
using static CjpPortal.IntegrationTests.Manage.ManageUsers;

namespace CjpPortal.IntegrationTests.Manage;

/// <summary>/manage and /manage/partnerships/{slug}: the dashboard's links and "Confirm this page is up to date".</summary>
[Collection(PortalCollection.Name)]
public sealed class IndexTests(PortalFixture fixture) : IAsyncLifetime
{
    private const string Url = $"/manage/partnerships/{Partnership}";

    // Before each test, so rows another class in the collection left behind (history, in particular) cannot count here.
    public Task InitializeAsync() => fixture.ResetDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Get_Dashboard_LinksEachPartnershipToItsOverview()
    {
        // Arrange
        using var client = await SignInAsync(fixture, CjpPortal.Core.Identity.Roles.Coordinator, Partnership, OtherPartnership);

        // Act
        var page = await client.GetDocumentAsync("/manage");

        // Assert
        var links = page.Document.QuerySelectorAll("#partnerships a").Select(a => a.GetAttribute("href")).Order(StringComparer.Ordinal);
        Assert.Equal([$"/manage/partnerships/{Partnership}", $"/manage/partnerships/{OtherPartnership}"], links);
    }

    [Fact]
    public async Task Get_UnknownPartnershipAsCjsStaff_Returns404()
    {
        // Arrange
        using var client = await SignInAsync(fixture, CjpPortal.Core.Identity.Roles.CjsStaff);

        // Act
        var response = await client.GetAsync(new Uri("/manage/partnerships/no-such-place", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Post_Confirm_SetsTodayRecordsHistoryAndShowsOnPublicPage()
    {
        // Arrange
        await fixture.WithDbContextAsync(async db =>
        {
            await db.Partnerships.Where(p => p.Slug == Partnership).ExecuteUpdateAsync(s => s.SetProperty(p => p.LastConfirmedOn, new DateOnly(2024, 5, 1)));
        });
        await fixture.EvictCachesAsync();
        using var client = await CoordinatorAsync(fixture);
        // The editors' host has its own output cache; start the public page from the database.
        await DataReset.EvictCachesAsync(fixture.AccountsFactory().Services);
        using var reader = fixture.CreateAccountsClient();
        var publicBefore = await reader.GetDocumentAsync($"/partnerships/{Partnership}");
        var overview = await client.GetDocumentAsync(Url);

        // Act
        var confirmed = await client.SubmitAsync(overview, new Dictionary<string, string>());
        var after = await client.GetDocumentAsync(confirmed.Response.Headers.Location!.OriginalString);
        var publicAfter = await reader.GetDocumentAsync($"/partnerships/{Partnership}");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Contains("up to date", after.One("#banner").TextOf(), StringComparison.Ordinal);
        Assert.Contains("23 November 2026", after.One("#last-confirmed").TextOf(), StringComparison.Ordinal);
        Assert.Contains("2024", publicBefore.One("#last-confirmed").TextOf(), StringComparison.Ordinal);
        Assert.Contains("23 November 2026", publicAfter.One("#last-confirmed").TextOf(), StringComparison.Ordinal);
        var entry = await fixture.WithDbContextAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal(("Partnership", "LastConfirmedOn", "2024-05-01", "2026-11-23"), (entry.Entity, entry.Field, entry.OldValue, entry.NewValue));
    }

    [Fact]
    public async Task Get_AfterConfirmReload_BannerShownOnce()
    {
        // Arrange
        using var client = await CoordinatorAsync(fixture);
        var overview = await client.GetDocumentAsync(Url);
        await client.SubmitAsync(overview, new Dictionary<string, string>());
        await client.GetDocumentAsync(Url);

        // Act
        var again = await client.GetDocumentAsync(Url);

        // Assert
        Assert.Null(again.Document.QuerySelector("#banner"));
    }
}
