using System.Globalization;
using System.Net;
using CjpPortal.Core.Audit;
using CjpPortal.Core.Identity;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;
using static CjpPortal.IntegrationTests.Manage.ManageUsers;

namespace CjpPortal.IntegrationTests.Manage;

/// <summary>/manage/partnerships/{slug}/history: this partnership's changes only, newest first, 50 a page.</summary>
[Collection(PortalCollection.Name)]
public sealed class HistoryTests(PortalFixture fixture) : IAsyncLifetime
{
    private const string Url = $"/manage/partnerships/{Partnership}/history";

    // Before each test, so rows another class in the collection left behind (history, in particular) cannot count here.
    public Task InitializeAsync() => fixture.ResetDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Get_AfterAnEdit_ShowsWhoChangedWhatFromWhatToWhat()
    {
        // Arrange
        using var coordinator = await CoordinatorAsync(fixture);
        var form = await coordinator.GetDocumentAsync($"/manage/partnerships/{Partnership}/details");
        await coordinator.SubmitAsync(form, EditForms.Filled(form, ("GovernanceNotes", "The board meets quarterly.")));
        using var staff = await SignInAsync(fixture, Roles.CjsStaff);

        // Act
        var page = await staff.GetDocumentAsync(Url);

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var row = Assert.Single(page.Document.QuerySelectorAll("#history tbody tr"));
        var text = row.TextOf();
        Assert.Contains("Governance notes", text, StringComparison.Ordinal);
        Assert.Contains("The board meets quarterly.", text, StringComparison.Ordinal);
        Assert.Contains("@example.org", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AfterSettingFallbackContact_ShowsTheContactsNameNotItsId()
    {
        // Arrange
        var contact = await fixture.WithDbContextAsync(db => db.Contacts
            .Where(c => c.Partnership.Slug == Partnership && c.Partnership.FallbackContactId != c.Id)
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.Name }).FirstAsync());
        using var coordinator = await CoordinatorAsync(fixture);
        var form = await coordinator.GetDocumentAsync($"/manage/partnerships/{Partnership}/details");
        var saved = await coordinator.SubmitAsync(form, EditForms.Filled(form, ("FallbackContactId", contact.Id.ToString(CultureInfo.InvariantCulture))));

        // Act
        var page = await coordinator.GetDocumentAsync(Url);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var row = Assert.Single(Rows(page), r => r.Field == "Fallback contact");
        Assert.Equal("Partnership details", row.What);
        Assert.Equal(contact.Name, row.To);
        Assert.DoesNotContain(contact.Id.ToString(CultureInfo.InvariantCulture), row.From + row.To, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AfterRemovingAContact_RowsStillNameIt()
    {
        // Arrange
        var contact = await fixture.WithDbContextAsync(db => db.Contacts
            .Where(c => c.Partnership.Slug == Partnership && c.Partnership.FallbackContactId != c.Id && !c.IsCoordinator)
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.Name }).FirstAsync());
        using var coordinator = await CoordinatorAsync(fixture);
        var confirm = await coordinator.GetDocumentAsync($"/manage/partnerships/{Partnership}/contacts/{contact.Id}/remove");
        var removed = await coordinator.SubmitAsync(confirm, new Dictionary<string, string>());

        // Act
        var page = await coordinator.GetDocumentAsync(Url);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var rows = Rows(page);
        var name = Assert.Single(rows, r => r.Field == "Name");
        Assert.Equal(($"Contact: {contact.Name}", contact.Name, HistoryBlank), (name.What, name.From, name.To));
        var role = Assert.Single(rows, r => r.Field == "Role");
        Assert.Equal($"Contact: {contact.Name}", role.What);
    }

    [Fact]
    public async Task Get_StoredEnumsBooleansAndBlanks_ShowLabelsNotRawValues()
    {
        // Arrange: a route as history stores its changes (enum names, "yes"/"no", nulls)
        var route = await fixture.WithDbContextAsync(db => db.EngagementRoutes
            .Where(r => r.Partnership.Slug == Partnership).OrderBy(r => r.Id).Select(r => new { r.Id, r.Title, r.PartnershipId }).FirstAsync());
        await fixture.WithDbContextAsync(async db =>
        {
            var at = fixture.Clock.GetUtcNow();
            db.AuditEntries.AddRange(
                Entry(route.PartnershipId, at, "EngagementRoute", route.Id, "Kind", "LocalForum", "Event"),
                Entry(route.PartnershipId, at.AddMinutes(1), "EngagementRoute", route.Id, "IsActive", "yes", "no"),
                Entry(route.PartnershipId, at.AddMinutes(2), "EngagementRoute", route.Id, "Format", null, "Blended"),
                Entry(route.PartnershipId, at.AddMinutes(3), "EngagementRoute", route.Id, "RepresentationKind", "ViaThirdSectorInterface", null),
                Entry(route.PartnershipId, at.AddMinutes(4), "Partnership", route.PartnershipId, "LastConfirmedOn", "2025-03-01", "2026-11-23"));
            await db.SaveChangesAsync();
        });
        using var coordinator = await CoordinatorAsync(fixture);

        // Act
        var page = await coordinator.GetDocumentAsync(Url);

        // Assert
        var rows = Rows(page);
        Assert.Equal(
            [
                ("Partnership details", "Last confirmed", "1 March 2025", "23 November 2026"),
                ($"Engagement route: {route.Title}", "Kind of representation", "Through the Third Sector Interface", HistoryBlank),
                ($"Engagement route: {route.Title}", "Meeting format", HistoryBlank, "Online and in person"),
                ($"Engagement route: {route.Title}", "Active", "Yes", "No"),
                ($"Engagement route: {route.Title}", "Kind of route", "Local third-sector forum", "Event"),
            ],
            rows.Select(r => (r.What, r.Field, r.From, r.To)).ToList());
    }

    [Fact]
    public async Task Get_AfterEditingATsi_RowNamesItsCouncilArea()
    {
        // Arrange
        var tsi = await fixture.WithDbContextAsync(db => db.ThirdSectorInterfaces
            .Where(t => t.CouncilArea.Partnership.Slug == Partnership).Select(t => new { t.CouncilAreaId, Area = t.CouncilArea.Name }).FirstAsync());
        using var coordinator = await CoordinatorAsync(fixture);
        var form = await coordinator.GetDocumentAsync($"/manage/partnerships/{Partnership}/tsis/{tsi.CouncilAreaId}");
        var saved = await coordinator.SubmitAsync(form, EditForms.Filled(form, ("Website", "https://tsi-history.example.org")));

        // Act
        var page = await coordinator.GetDocumentAsync(Url);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var row = Assert.Single(Rows(page));
        Assert.Equal(($"Third Sector Interface: {tsi.Area}", "Website", "https://tsi-history.example.org"), (row.What, row.Field, row.To));
    }

    [Fact]
    public async Task Get_DeletedRouteAndTsi_NamedFromTheirRecordedHistory()
    {
        // Arrange: a route and a TSI that no longer exist; history recorded their title and council area when removed
        const int goneRoute = 900_001;
        const int goneTsi = 900_002;
        var (partnershipId, area) = await fixture.WithDbContextAsync(async db =>
        {
            var falkirk = await db.Partnerships.Where(p => p.Slug == Partnership).Select(p => p.Id).SingleAsync();
            var councilArea = await db.CouncilAreas.Where(a => a.PartnershipId == falkirk).Select(a => new { a.Id, a.Name }).FirstAsync();
            return (falkirk, councilArea);
        });
        await fixture.WithDbContextAsync(async db =>
        {
            var at = fixture.Clock.GetUtcNow();
            db.AuditEntries.AddRange(
                Entry(partnershipId, at, "EngagementRoute", goneRoute, "Title", "Old reoffending forum", null),
                Entry(partnershipId, at, "EngagementRoute", goneRoute, "HowToJoin", "Write to us", null),
                Entry(partnershipId, at.AddMinutes(1), "ThirdSectorInterface", goneTsi, "CouncilAreaId", area.Id.ToString(CultureInfo.InvariantCulture), null),
                Entry(partnershipId, at.AddMinutes(1), "ThirdSectorInterface", goneTsi, "Website", "https://tsi.example.org", null));
            await db.SaveChangesAsync();
        });
        using var coordinator = await CoordinatorAsync(fixture);

        // Act
        var page = await coordinator.GetDocumentAsync(Url);

        // Assert
        var rows = Rows(page);
        Assert.Equal(2, rows.Count(r => r.What == "Engagement route: Old reoffending forum"));
        Assert.Equal(2, rows.Count(r => r.What == $"Third Sector Interface: {area.Name}"));
        Assert.Equal(area.Name, Assert.Single(rows, r => r.Field == "Council area").From);
    }

    [Fact]
    public async Task Get_ManyEntries_ShowsNewestFiftyThenOlderOnPageTwo()
    {
        // Arrange: 60 entries for this partnership and one for another
        await fixture.WithDbContextAsync(async db =>
        {
            var ids = await db.Partnerships.Where(p => p.Slug == Partnership || p.Slug == OtherPartnership).ToDictionaryAsync(p => p.Slug, p => p.Id);
            var start = fixture.Clock.GetUtcNow();
            db.AuditEntries.AddRange(Enumerable.Range(1, 60).Select(i => Entry(ids[Partnership], start.AddMinutes(i), $"value {i}")));
            db.AuditEntries.Add(Entry(ids[OtherPartnership], start, "another partnership"));
            await db.SaveChangesAsync();
        });
        using var client = await CoordinatorAsync(fixture);

        // Act
        var first = await client.GetDocumentAsync(Url);
        var second = await client.GetDocumentAsync(Url + "?page=2");

        // Assert
        var firstRows = first.Document.QuerySelectorAll("#history tbody tr");
        var secondRows = second.Document.QuerySelectorAll("#history tbody tr");
        Assert.Equal(50, firstRows.Length);
        Assert.Contains("value 60", firstRows[0].TextOf(), StringComparison.Ordinal);
        Assert.Equal(10, secondRows.Length);
        Assert.Contains("value 1", secondRows[^1].TextOf(), StringComparison.Ordinal);
        Assert.DoesNotContain("another partnership", first.Text + second.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UPDATE audit_entries SET new_value = 'rewritten'")]
    [InlineData("DELETE FROM audit_entries")]
    public async Task Change_HistoryRowInDatabase_IsRefused(string sql)
    {
        // Arrange
        await fixture.WithDbContextAsync(async db =>
        {
            var id = await db.Partnerships.Where(p => p.Slug == Partnership).Select(p => p.Id).SingleAsync();
            db.AuditEntries.Add(Entry(id, fixture.Clock.GetUtcNow(), "original"));
            await db.SaveChangesAsync();
        });

        // Act
        var error = await Record.ExceptionAsync(() => fixture.WithDbContextAsync(db => db.Database.ExecuteSqlRawAsync(sql)));

        // Assert
        Assert.Contains("append-only", error?.Message, StringComparison.Ordinal);
        Assert.Equal("original", await fixture.WithDbContextAsync(db => db.AuditEntries.Select(a => a.NewValue).SingleAsync()));
    }

    private const string HistoryBlank = "(blank)";

    private sealed record HistoryRow(string What, string Field, string From, string To);

    private static List<HistoryRow> Rows(HtmlPage page) =>
        [.. page.Document.QuerySelectorAll("#history tbody tr").Select(row =>
        {
            var cells = row.QuerySelectorAll("td").Select(cell => cell.TextContent.Trim()).ToList();
            return new HistoryRow(cells[2], cells[3], cells[4], cells[5]);
        })];

    private static AuditEntry Entry(int partnershipId, DateTimeOffset at, string entity, int entityId, string field, string? oldValue, string? newValue) => new()
    {
        OccurredAt = at,
        UserId = Guid.NewGuid(),
        UserEmail = "someone@example.org",
        PartnershipId = partnershipId,
        Entity = entity,
        EntityId = entityId,
        Field = field,
        OldValue = oldValue,
        NewValue = newValue,
    };

    private static AuditEntry Entry(int partnershipId, DateTimeOffset at, string value) => new()
    {
        OccurredAt = at,
        UserId = Guid.NewGuid(),
        UserEmail = "someone@example.org",
        PartnershipId = partnershipId,
        Entity = "Partnership",
        EntityId = partnershipId,
        Field = "Website",
        NewValue = value,
    };
}
