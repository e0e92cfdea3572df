using System.Globalization;
using System.Net;
using CjpPortal.IntegrationTests.Manage;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;
using static CjpPortal.IntegrationTests.National.PartnershipsTests;

namespace CjpPortal.IntegrationTests.National;

/// <summary>/national/partnerships/{slug}/areas: CJS staff move a council area, with its Third Sector Interface, from
/// the partnership that covers it to another; no partnership may be left with none, and a form opened before someone
/// else's move is refused.</summary>
[Collection(PortalCollection.Name)]
public sealed class PartnershipsAreasTests(PortalFixture fixture) : IAsyncLifetime
{
    private const string StirlingUrl = "/national/partnerships/stirling/areas";

    // Before each test, so rows another class in the collection left behind (history, in particular) cannot count here.
    public Task InitializeAsync() => fixture.ResetDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Get_Areas_ListsCoveredAreasAndOffersOthersGroupedByPartnership()
    {
        // Arrange
        using var client = await StaffAsync(fixture);

        // Act
        var page = await client.GetDocumentAsync("/national/partnerships/ayrshire/areas");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var covered = page.Document.QuerySelectorAll("#covered li").Select(li => li.TextOf()).ToList();
        Assert.Equal(3, covered.Count);
        Assert.Contains("North Ayrshire (Third Sector Interface: North Ayrshire Third Sector Interface)", covered);
        var options = page.Document.QuerySelectorAll("#AreaId option[value]:not([value=''])").Select(o => o.TextOf()).ToList();
        Assert.Equal(29, options.Count);
        Assert.DoesNotContain(options, o => o.StartsWith("East Ayrshire", StringComparison.Ordinal));
        Assert.Contains("Falkirk (now in Falkirk Community Justice Partnership)", options);
        Assert.Matches("^[0-9a-f]{64}$", page.One("input[name=AreasVersion]").GetAttribute("value"));
        Assert.Contains("with its Third Sector Interface", page.One("#AreaId-hint").TextOf(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_AreaFromAyrshire_MovesItWithItsTsiRecordsHistoryForBothAndShowsOnPublicPages()
    {
        // Arrange
        var northAyrshire = await AreaIdAsync("North Ayrshire");
        await DataReset.EvictCachesAsync(fixture.AccountsFactory().Services);
        using var reader = fixture.CreateAccountsClient();
        await reader.GetDocumentAsync("/partnerships/ayrshire");
        await reader.GetDocumentAsync("/partnerships/stirling");
        using var client = await StaffAsync(fixture);
        var form = await client.GetDocumentAsync(StirlingUrl);

        // Act
        var saved = await client.SubmitAsync(form, Choose(northAyrshire));
        var after = await client.GetDocumentAsync(saved.Response.Headers.Location!.OriginalString);
        var ayrshire = await reader.GetDocumentAsync("/partnerships/ayrshire");
        var stirling = await reader.GetDocumentAsync("/partnerships/stirling");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(StirlingUrl, saved.Response.Headers.Location!.OriginalString);
        Assert.Contains("North Ayrshire now belongs to Stirling Community Justice Partnership", after.One("#banner").TextOf(), StringComparison.Ordinal);
        Assert.Contains("Community Justice Ayrshire now covers East Ayrshire, South Ayrshire", after.One("#banner").TextOf(), StringComparison.Ordinal);
        Assert.Equal(2, after.Document.QuerySelectorAll("#covered li").Length);
        Assert.Equal("East Ayrshire, South Ayrshire", ayrshire.One("#council-areas").TextOf());
        Assert.DoesNotContain("North Ayrshire Third Sector Interface", ayrshire.Text, StringComparison.Ordinal);
        Assert.Equal("North Ayrshire, Stirling", stirling.One("#council-areas").TextOf());
        Assert.Contains("North Ayrshire Third Sector Interface", stirling.Text, StringComparison.Ordinal);
        Assert.Equal("stirling", await fixture.WithDbContextAsync(db => db.CouncilAreas.Where(a => a.Id == northAyrshire).Select(a => a.Partnership.Slug).SingleAsync()));
        var history = await fixture.WithDbContextAsync(db => db.AuditEntries.Where(a => a.Field == "CouncilAreas").OrderBy(a => a.OldValue).ToListAsync());
        Assert.Collection(
            history,
            losing =>
            {
                Assert.Equal("East Ayrshire, North Ayrshire, South Ayrshire", losing.OldValue);
                Assert.Equal("East Ayrshire, South Ayrshire", losing.NewValue);
                Assert.Equal("Partnership", losing.Entity);
            },
            gaining =>
            {
                Assert.Equal("Stirling", gaining.OldValue);
                Assert.Equal("North Ayrshire, Stirling", gaining.NewValue);
                Assert.Equal(gaining.EntityId, gaining.PartnershipId);
                Assert.Equal(fixture.Clock.GetUtcNow(), gaining.OccurredAt);
            });
        var ids = await fixture.WithDbContextAsync(db => db.Partnerships.Where(p => p.Slug == "ayrshire" || p.Slug == "stirling").ToDictionaryAsync(p => p.Slug, p => p.Id));
        Assert.Equal(ids["ayrshire"], history[0].PartnershipId);
        Assert.Equal(ids["stirling"], history[1].PartnershipId);
    }

    [Fact]
    public async Task Post_OnlyAreaOfItsPartnership_Returns400AndChangesNothing()
    {
        // Arrange
        var falkirk = await AreaIdAsync("Falkirk");
        var before = await MappingAsync();
        using var client = await StaffAsync(fixture);
        var form = await client.GetDocumentAsync(StirlingUrl);

        // Act
        var page = await client.SubmitAsync(form, Choose(falkirk));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.StartsWith("Error: ", page.Document.Title, StringComparison.Ordinal);
        HtmlAssertions.AssertFieldError(page.Document, "AreaId", "Falkirk Community Justice Partnership would cover no council areas. A partnership must cover at least one.");
        Assert.Equal(before, await MappingAsync());
        Assert.Equal(0, await fixture.WithDbContextAsync(db => db.AuditEntries.CountAsync()));
    }

    [Theory]
    [InlineData("", "Choose a council area")]
    [InlineData("999999", "Choose one of the council areas in the list")]
    [InlineData("Stirling", "Stirling is already covered by Stirling Community Justice Partnership")]
    public async Task Post_InvalidChoice_Returns400WithErrorOnField(string choice, string message)
    {
        // Arrange
        var areaId = choice == "Stirling" ? (await AreaIdAsync("Stirling")).ToString(CultureInfo.InvariantCulture) : choice;
        var before = await MappingAsync();
        using var client = await StaffAsync(fixture);
        var form = await client.GetDocumentAsync(StirlingUrl);

        // Act
        var page = await client.SubmitAsync(form, new Dictionary<string, string> { ["AreaId"] = areaId });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        HtmlAssertions.AssertFieldError(page.Document, "AreaId", message);
        Assert.Equal(before, await MappingAsync());
    }

    [Fact]
    public async Task Post_AfterSomeoneElseMovedAnArea_Returns409AndChangesNothing()
    {
        // Arrange: two people open area pages; the first moves North Ayrshire to Falkirk
        var northAyrshire = await AreaIdAsync("North Ayrshire");
        var southAyrshire = await AreaIdAsync("South Ayrshire");
        using var first = await StaffAsync(fixture);
        using var second = await StaffAsync(fixture);
        var firstForm = await first.GetDocumentAsync("/national/partnerships/falkirk/areas");
        var secondForm = await second.GetDocumentAsync(StirlingUrl);
        var firstSave = await first.SubmitAsync(firstForm, Choose(northAyrshire));
        var afterFirst = await MappingAsync();

        // Act
        var secondSave = await second.SubmitAsync(secondForm, Choose(southAyrshire));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, secondSave.StatusCode);
        HtmlAssertions.AssertErrorSummaryContains(secondSave.Document, "Council areas have been moved by someone else since you opened this page. Check the list below and try again.");
        Assert.Equal(afterFirst, await MappingAsync());
        Assert.Equal(2, await fixture.WithDbContextAsync(db => db.AuditEntries.CountAsync()));
        Assert.Equal("North Ayrshire (now in Falkirk Community Justice Partnership)", secondSave.One("#AreaId option[value='" + northAyrshire.ToString(CultureInfo.InvariantCulture) + "']").TextOf());
    }

    [Fact]
    public async Task Post_AfterConflictTryingAgain_Moves()
    {
        // Arrange
        var northAyrshire = await AreaIdAsync("North Ayrshire");
        var southAyrshire = await AreaIdAsync("South Ayrshire");
        using var client = await StaffAsync(fixture);
        var staleForm = await client.GetDocumentAsync(StirlingUrl);
        var freshForm = await client.GetDocumentAsync("/national/partnerships/falkirk/areas");
        await client.SubmitAsync(freshForm, Choose(northAyrshire));
        var refused = await client.SubmitAsync(staleForm, Choose(southAyrshire));

        // Act
        var retried = await client.SubmitAsync(refused, Choose(southAyrshire));

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        Assert.Equal("stirling", await fixture.WithDbContextAsync(db => db.CouncilAreas.Where(a => a.Id == southAyrshire).Select(a => a.Partnership.Slug).SingleAsync()));
    }

    [Fact]
    public async Task Post_MoveAsCoordinator_IsForbiddenAndChangesNothing()
    {
        // Arrange
        var northAyrshire = await AreaIdAsync("North Ayrshire");
        using var staff = await StaffAsync(fixture);
        var form = await staff.GetDocumentAsync("/national/partnerships/falkirk/areas");
        var before = await MappingAsync();
        using var client = await ManageUsers.CoordinatorAsync(fixture, "falkirk");
        var fields = await CoordinatorTokenAsync(client);
        fields["AreaId"] = northAyrshire.ToString(CultureInfo.InvariantCulture);
        fields["AreasVersion"] = form.One("input[name=AreasVersion]").GetAttribute("value")!;

        // Act
        var page = await client.PostFormAsync("/national/partnerships/falkirk/areas", fields);

        // Assert
        Assert.True(IsForbidden(page.Response), $"{(int)page.StatusCode} {page.Response.Headers.Location}");
        Assert.Equal(before, await MappingAsync());
        Assert.Equal(0, await fixture.WithDbContextAsync(db => db.AuditEntries.CountAsync()));
    }

    private static Dictionary<string, string> Choose(int areaId) =>
        new(StringComparer.Ordinal) { ["AreaId"] = areaId.ToString(CultureInfo.InvariantCulture) };

    private Task<int> AreaIdAsync(string name) =>
        fixture.WithDbContextAsync(db => db.CouncilAreas.Where(a => a.Name == name).Select(a => a.Id).SingleAsync());

    /// <summary>Which partnership covers each area, as one comparable string.</summary>
    private Task<string> MappingAsync() =>
        fixture.WithDbContextAsync(async db => string.Join(';', await db.CouncilAreas.OrderBy(a => a.Id)
            .Select(a => a.Id + ":" + a.Partnership.Slug).ToListAsync()));
}
