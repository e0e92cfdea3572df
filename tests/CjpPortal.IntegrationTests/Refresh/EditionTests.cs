using System.Net;
using CjpPortal.TestCommon;
using CjpPortal.Web.Queries;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.IntegrationTests.Refresh;

/// <summary>The yearly editions of the directory table: published from /national/refresh/edition, frozen, compared
/// with the edition before, as HTML and CSV; one a year.</summary>
public sealed class EditionTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture), IAsyncLifetime
{
    private const string PublishUrl = "/national/refresh/edition";

    async Task IAsyncLifetime.DisposeAsync()
    {
        Fixture.Clock.SetUtcNow(new FixedTimeProvider().GetUtcNow());
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Get_EditionAfterTheLiveEntryChanged_ShowsTheFrozenValues()
    {
        // Arrange
        await Fixture.CreatePublishedContactAsync("falkirk", "Morag Lindsay");
        await Fixture.EvictCachesAsync();
        using var staff = await StaffClientAsync();
        await PublishAsync(staff);
        await Fixture.WithDbContextAsync(db => db.Contacts.ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, "Someone Else")));
        await Fixture.EvictCachesAsync();

        // Act
        var page = await Fixture.CreateAccountsClient().GetDocumentAsync("/directory/editions/2026");
        var live = await Fixture.CreateAccountsClient().GetDocumentAsync("/directory");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var row = page.One("#edition tr[data-slug='falkirk']").TextOf();
        Assert.Contains("Morag Lindsay", row, StringComparison.Ordinal);
        Assert.DoesNotContain("Someone Else", row, StringComparison.Ordinal);
        Assert.Contains("Someone Else", live.One("#directory-table").TextOf(), StringComparison.Ordinal);
        Assert.Equal("First edition", page.One("#edition tr[data-slug='falkirk'] .edition-change").TextOf());
    }

    [Fact]
    public async Task Post_PublishWhileThisInstancesSnapshotIsStale_FreezesWhatTheDatabaseHolds()
    {
        // Arrange: this instance has the directory in memory; another instance's edit reaches the database, and its
        // eviction has not reached this one yet.
        await Fixture.CreatePublishedContactAsync("falkirk", "Morag Lindsay");
        await Fixture.EvictCachesAsync();
        using var reader = Fixture.CreateAccountsClient();
        var before = await reader.GetDocumentAsync("/directory");
        await Fixture.WithDbContextAsync(db => db.Contacts.ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, "Iain Mackay")));
        using var staff = await StaffClientAsync();

        // Act
        await PublishAsync(staff);

        // Assert
        Assert.Contains("Morag Lindsay", before.One("#directory-table").TextOf(), StringComparison.Ordinal);
        var page = await reader.GetDocumentAsync("/directory/editions/2026");
        var row = page.One("#edition tr[data-slug='falkirk']").TextOf();
        Assert.Contains("Iain Mackay", row, StringComparison.Ordinal);
        Assert.DoesNotContain("Morag Lindsay", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_SecondEdition_MarksWhatChangedPerRowAndPerCellInWordsAndInTheCsv()
    {
        // Arrange
        await Fixture.CreatePublishedContactAsync("falkirk", "Morag Lindsay");
        await Fixture.EvictCachesAsync();
        using var staff = await StaffClientAsync();
        await PublishAsync(staff);
        await Fixture.WithDbContextAsync(db => db.Contacts.ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, "Iain Mackay")));
        await Fixture.EvictCachesAsync();
        Fixture.Clock.SetUtcNow(new DateTimeOffset(2027, 5, 20, 12, 0, 0, TimeSpan.Zero));
        await PublishAsync(staff);
        using var reader = Fixture.CreateAccountsClient();

        // Act
        var page = await reader.GetDocumentAsync("/directory/editions/2027");
        var csv = await (await reader.GetAsync(new Uri("/directory/editions/2027.csv", UriKind.Relative))).Content.ReadAsStringAsync();
        var list = await reader.GetDocumentAsync("/directory/editions");

        // Assert
        var falkirk = page.One("#edition tr[data-slug='falkirk']");
        Assert.StartsWith("Changed since 2026: Main contact", falkirk.QuerySelector(".edition-change")!.TextOf(), StringComparison.Ordinal);
        var changedCells = falkirk.QuerySelectorAll("td").Where(td => td.QuerySelector(".edition-changed") is not null).Select(td => td.TextOf()).ToList();
        Assert.Contains("Iain Mackay (changed)", changedCells);
        Assert.DoesNotContain("Main contact", page.One("#edition tr[data-slug='orkney'] .edition-change").TextOf(), StringComparison.Ordinal);
        var lines = csv.TrimStart('\uFEFF').Split('\n');
        Assert.StartsWith(EditionCsv.ChangeHeader + ",Partnership,", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("Changed since 2026: Main contact", StringComparison.Ordinal) && l.Contains("Iain Mackay", StringComparison.Ordinal));
        Assert.Equal(["The 2027 edition", "The 2026 edition"], list.Document.QuerySelectorAll("#editions a").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public async Task Post_PublishTwice_Returns400WithTheMessageAndKeepsOneEdition()
    {
        // Arrange
        using var staff = await StaffClientAsync();
        var page = await staff.GetDocumentAsync(PublishUrl);
        await staff.SubmitAsync(page, new Dictionary<string, string>(), "#publish-form");

        // Act
        var again = await staff.SubmitAsync(page, new Dictionary<string, string>(), "#publish-form");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        HtmlAssertions.AssertErrorSummaryContains(again.Document, DirectoryEditions.AlreadyPublishedMessage(2026));
        Assert.Equal(1, await Fixture.WithDbContextAsync(db => db.DirectoryEditions.CountAsync()));
    }

    [Fact]
    public async Task Get_UnpublishedYear_Returns404()
    {
        // Act
        var response = await Fixture.CreateAccountsClient().GetAsync(new Uri("/directory/editions/2019", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<HttpClient> StaffClientAsync()
    {
        var staff = await Fixture.CreateActiveCjsStaffAsync();
        return Fixture.CreateClientAs(staff.Id);
    }

    private static async Task PublishAsync(HttpClient client)
    {
        var page = await client.GetDocumentAsync(PublishUrl);
        var result = await client.SubmitAsync(page, new Dictionary<string, string>(), "#publish-form");
        Assert.Equal(HttpStatusCode.Redirect, result.StatusCode);
    }
}
