using System.Globalization;
using System.Net;
using CjpPortal.Core.Identity;
using CjpPortal.TestCommon;
using CsvHelper;

namespace CjpPortal.IntegrationTests.National;

/// <summary>/national/dashboard and /national/dashboard.csv over a prepared set of partnerships (the test day is
/// 23 November 2026; the 2024-25 return was due on 31 December 2025):
/// <list type="bullet">
/// <item>falkirk: everything in order (statement published, 2024-25 return submitted, confirmed in June, an active coordinator);</item>
/// <item>orkney: a plan without a participation statement and no 2024-25 return, otherwise in order;</item>
/// <item>fife: a statement and a published 2024-25 report, but confirmed in January 2025 and only an invited coordinator;</item>
/// <item>the other 27 partnerships: reference data only (no plan, no return, never confirmed, no coordinator).</item>
/// </list></summary>
public sealed class DashboardTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    private const int Partnerships = 30;
    private static readonly string[] Prepared = ["falkirk", "orkney", "fife"];

    private async Task<HttpClient> PrepareAsync()
    {
        await Fixture.CreatePlanAsync("falkirk", new(2023, 4, 1), new(2028, 3, 31), publishedOn: new(2023, 6, 1), statementPublishedOn: new(2023, 6, 1));
        await Fixture.CreateAnnualReturnAsync("falkirk", 2024, submittedOn: new(2025, 10, 1));
        await Fixture.ConfirmEntryAsync("falkirk", new(2026, 6, 1));
        await Fixture.CreateActiveCoordinatorAsync("falkirk");

        await Fixture.CreatePlanAsync("orkney", new(2023, 4, 1), new(2028, 3, 31), publishedOn: new(2023, 6, 1));
        await Fixture.ConfirmEntryAsync("orkney", new(2026, 6, 1));
        await Fixture.CreateActiveCoordinatorAsync("orkney");

        await Fixture.CreatePlanAsync("fife", new(2023, 4, 1), new(2028, 3, 31), publishedOn: new(2023, 6, 1), statementPublishedOn: new(2023, 7, 1));
        await Fixture.CreateAnnualReturnAsync("fife", 2024, submittedOn: new(2025, 10, 1), publishedOn: new(2025, 11, 1));
        await Fixture.ConfirmEntryAsync("fife", new(2025, 1, 1));
        await Fixture.CreateUserAsync(Roles.Coordinator, "fife");

        var staff = await Fixture.CreateUserAsync(Roles.CjsStaff);
        return Fixture.CreateClientAs(staff.Id);
    }

    private static IReadOnlyList<string> Slugs(HtmlPage page) =>
        [.. page.Document.QuerySelectorAll("#dashboard-table tbody tr[id^='row-']").Select(r => r.Id!["row-".Length..])];

    private static string Cell(HtmlPage page, string slug, string column) =>
        page.One($"#row-{slug} td[data-column='{column}']").TextOf();

    [Fact]
    public async Task Get_Year2024_ShowsEachPartnershipsStanding()
    {
        // Arrange
        using var client = await PrepareAsync();

        // Act
        var page = await client.GetDocumentAsync("/national/dashboard?year=2024");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(Partnerships, Slugs(page).Count);
        Assert.Equal("2023 to 2028 Published", Cell(page, "falkirk", "plan"));
        Assert.Equal("Published 1 June 2023", Cell(page, "falkirk", "statement"));
        Assert.Equal("Submitted Submitted 1 October 2025", Cell(page, "falkirk", "return"));
        Assert.Equal("1 June 2026 Up to date", Cell(page, "falkirk", "confirmed"));
        Assert.Equal("Active", Cell(page, "falkirk", "account"));

        Assert.Equal("Not published", Cell(page, "orkney", "statement"));
        Assert.Equal("Overdue Was due 31 December 2025", Cell(page, "orkney", "return"));

        Assert.Equal("Published Published 1 November 2025", Cell(page, "fife", "return"));
        Assert.Equal("1 January 2025 Stale", Cell(page, "fife", "confirmed"));
        Assert.Equal("Invited, not set up", Cell(page, "fife", "account"));

        Assert.Equal("No published plan", Cell(page, "angus", "plan"));
        Assert.Equal("No published plan", Cell(page, "angus", "statement"));
        Assert.Equal("Never Stale", Cell(page, "angus", "confirmed"));
        Assert.Equal("No account", Cell(page, "angus", "account"));
    }

    [Fact]
    public async Task Get_DefaultYear_IsTheLatestEndedOneWithItsReturnStillDue()
    {
        // Arrange
        using var client = await PrepareAsync();

        // Act
        var page = await client.GetDocumentAsync("/national/dashboard");

        // Assert
        Assert.Equal("2025", page.One("#year option[selected]").GetAttribute("value"));
        Assert.Equal("Due Due 31 December 2026", Cell(page, "falkirk", "return"));
        Assert.Equal("0", page.One("#count-overdue-return .cjp-counts__number").TextOf());
    }

    [Fact]
    public async Task Get_Counts_CountEveryPartnershipWhateverTheFilter()
    {
        // Arrange
        using var client = await PrepareAsync();

        // Act
        var page = await client.GetDocumentAsync("/national/dashboard?year=2024&problem=stale-entry");

        // Assert: 27 untouched partnerships have every problem; each prepared one adds to some counts only
        Assert.Equal("28", page.One("#count-no-statement .cjp-counts__number").TextOf());
        Assert.Equal("28", page.One("#count-overdue-return .cjp-counts__number").TextOf());
        Assert.Equal("28", page.One("#count-stale-entry .cjp-counts__number").TextOf());
        Assert.Equal("28", page.One("#count-no-coordinator .cjp-counts__number").TextOf());
        Assert.Contains("Showing 28 of 30 partnerships", page.One("#dashboard-summary").TextOf(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("problem=no-statement", "orkney")]
    [InlineData("problem=overdue-return", "orkney")]
    [InlineData("problem=stale-entry", "fife")]
    [InlineData("problem=no-coordinator", "fife")]
    [InlineData("problem=no-statement&problem=overdue-return", "orkney")]
    [InlineData("problem=stale-entry&problem=no-coordinator", "fife")]
    [InlineData("problem=no-statement&problem=stale-entry", "")]
    public async Task Get_ProblemFilters_ShowOnlyPartnershipsWithEveryChosenProblem(string query, string preparedShown)
    {
        // Arrange
        using var client = await PrepareAsync();
        var untouched = await Fixture.WithDbContextAsync(db => Task.FromResult(
            db.Partnerships.Select(p => p.Slug).AsEnumerable().Where(s => !Prepared.Contains(s)).ToHashSet()));

        // Act
        var page = await client.GetDocumentAsync($"/national/dashboard?year=2024&{query}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var expected = untouched.Concat(preparedShown.Length == 0 ? [] : [preparedShown]).Order(StringComparer.Ordinal);
        Assert.Equal(expected, Slugs(page).Order(StringComparer.Ordinal));
        foreach (var key in query.Split('&').Select(p => p["problem=".Length..]))
        {
            Assert.True(page.One($"input[name='problem'][value='{key}']").HasAttribute("checked"), $"{key} should stay ticked");
        }
    }

    [Fact]
    public async Task Get_FilterThatNobodyMatches_SaysSoAndOffersEveryPartnership()
    {
        // Arrange: in 2025-26 nothing is overdue yet
        using var client = await PrepareAsync();

        // Act
        var page = await client.GetDocumentAsync("/national/dashboard?problem=overdue-return");

        // Assert
        Assert.Empty(Slugs(page));
        var row = page.One("#dashboard-table tbody td[colspan]");
        Assert.Contains("No partnership has every problem you selected", row.TextOf(), StringComparison.Ordinal);
        Assert.Equal("/national/dashboard", row.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Get_SortByReturnDescending_PutsPublishedFirstAndMarksTheColumn()
    {
        // Arrange
        using var client = await PrepareAsync();

        // Act
        var page = await client.GetDocumentAsync("/national/dashboard?year=2024&sort=return&dir=desc");

        // Assert
        Assert.Equal(["fife", "falkirk"], Slugs(page).Take(2));
        var sorted = page.One("#dashboard-table thead th[aria-sort]");
        Assert.Equal("descending", sorted.GetAttribute("aria-sort"));
        Assert.StartsWith("Annual return", sorted.TextOf(), StringComparison.Ordinal);
        Assert.Equal("/national/dashboard?year=2024&sort=return#dashboard-table", sorted.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Get_MapByReturn_LabelsEachAreaInWordsAndLinksToItsRow()
    {
        // Arrange
        using var client = await PrepareAsync();

        // Act
        var page = await client.GetDocumentAsync("/national/dashboard?year=2024&map=return");

        // Assert
        var orkney = page.One("svg a[href='#row-orkney']");
        Assert.Equal("Orkney Islands (Orkney Community Justice Partnership): Overdue", orkney.GetAttribute("aria-label"));
        Assert.Contains("cjp-band--problem", orkney.QuerySelector("path")!.ClassName, StringComparison.Ordinal);
        Assert.Contains("cjp-band--good", page.One("svg a[href='#row-falkirk'] path").ClassName, StringComparison.Ordinal);
        var legend = page.One(".cjp-dashboard-map__legend").TextOf();
        Assert.Contains("Overdue (problem): 28 partnerships", legend, StringComparison.Ordinal);
        Assert.Contains("Published (in order): 1 partnership", legend, StringComparison.Ordinal);
        Assert.Contains("Submitted (in order): 1 partnership", legend, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("year=1999", "year", "Choose a reporting year from 2017-18 to 2026-27")]
    [InlineData("year=2026x", "year", "Choose a reporting year")]
    [InlineData("problem=everything", "problem", "Choose problems from the list")]
    [InlineData("map=colour", "map", "Choose what the map shows from the list")]
    [InlineData("sort=email", "sort", "Sort by one of the table's columns")]
    public async Task Get_ValueNotInTheChoices_Returns400WithTheMessageAndTheDefaultView(string query, string field, string message)
    {
        // Arrange
        using var client = await PrepareAsync();

        // Act
        var page = await client.GetDocumentAsync($"/national/dashboard?{query}");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.StartsWith("Error: ", page.Document.Title, StringComparison.Ordinal);
        Assert.Contains(message, page.One(".ds_error-summary").TextOf(), StringComparison.Ordinal);
        if (field is "year" or "problem" or "map")
        {
            Assert.Contains(message, page.One($"#{field}-error").TextOf(), StringComparison.Ordinal);
        }

        Assert.Equal(Partnerships, Slugs(page).Count);
    }

    [Fact]
    public async Task Get_Csv_HoldsWhatThePageShowsInTheSameOrder()
    {
        // Arrange
        using var client = await PrepareAsync();
        const string query = "?year=2024&problem=stale-entry&sort=confirmed&dir=desc";
        var page = await client.GetDocumentAsync("/national/dashboard" + query);

        // Act
        var response = await client.GetAsync(new Uri("/national/dashboard.csv" + query, UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("cjp-dashboard-2024-25-2026-11-23.csv", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        Assert.Equal("/national/dashboard.csv" + query, page.One("#dashboard-summary a[download]").GetAttribute("href"));
        using var reader = new CsvReader(new StringReader(await response.Content.ReadAsStringAsync()), CultureInfo.InvariantCulture);
        var records = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(Slugs(page), records.Select(r => ((string)r["Page"]).Split('/')[^1]));
        var fife = records.Single(r => ((string)r["Page"]).EndsWith("/fife", StringComparison.Ordinal));
        Assert.Equal("2024-25", fife["Annual return year"]);
        Assert.Equal("Published", fife["Annual return"]);
        Assert.Equal("2025-11-01", fife["Annual report published"]);
        Assert.Equal("2025-01-01", fife["Last confirmed"]);
        Assert.Equal("Stale", fife["Entry"]);
        Assert.Equal("Invited, not set up", fife["Coordinator account"]);
        Assert.Equal("2023-07-01", fife["Participation statement published"]);
    }

    [Fact]
    public async Task Get_CsvWithAValueNotInTheChoices_Returns400WithTheMessage()
    {
        // Arrange
        using var client = await PrepareAsync();

        // Act
        var response = await client.GetAsync(new Uri("/national/dashboard.csv?year=1999", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Choose a reporting year", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AfterACoordinatorAccountIsSetUp_ShowsItOnTheNextRequest()
    {
        // Arrange: the page is rendered once (and kept), then a coordinator account is set up for angus, which is
        // not part of the directory snapshot
        using var client = await PrepareAsync();
        var before = await client.GetDocumentAsync("/national/dashboard?year=2024");
        Assert.Equal("No account", Cell(before, "angus", "account"));
        await Fixture.CreateActiveCoordinatorAsync("angus");

        // Act
        var page = await client.GetDocumentAsync("/national/dashboard?year=2024");

        // Assert
        Assert.Equal("Active", Cell(page, "angus", "account"));
        Assert.Equal("27", page.One("#count-no-coordinator .cjp-counts__number").TextOf());
    }

    [Fact]
    public async Task Get_AfterTheDirectoryCacheIsEvicted_ShowsTheChangedEntry()
    {
        // Arrange: the page is rendered once (and kept), then angus's entry is confirmed and the caches evicted, as
        // every edit through the portal does
        using var client = await PrepareAsync();
        var before = await client.GetDocumentAsync("/national/dashboard?year=2024");
        Assert.Equal("Never Stale", Cell(before, "angus", "confirmed"));
        await Fixture.ConfirmEntryAsync("angus", new(2026, 6, 1));
        // The signed-in client is served by the accounts host, which hears the fixture host's eviction only through
        // PostgreSQL NOTIFY, some time later; its own caches are evicted directly.
        await DataReset.EvictCachesAsync(Fixture.AccountsFactory().Services);

        // Act
        var page = await client.GetDocumentAsync("/national/dashboard?year=2024");

        // Assert
        Assert.Equal("1 June 2026 Up to date", Cell(page, "angus", "confirmed"));
        Assert.Equal("27", page.One("#count-stale-entry .cjp-counts__number").TextOf());
    }

    [Fact]
    public async Task Get_NationalHome_LinksToTheDashboard()
    {
        // Arrange
        using var client = await PrepareAsync();

        // Act
        var page = await client.GetDocumentAsync("/national");

        // Assert
        Assert.NotNull(page.Document.QuerySelector("#sections a[href='/national/dashboard']"));
    }
}
