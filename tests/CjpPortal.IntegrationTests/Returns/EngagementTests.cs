using System.Globalization;
using System.Net;
using System.Xml.Linq;
using CjpPortal.Core.Domain;
using CjpPortal.Core.Identity;
using CjpPortal.TestCommon;
using CsvHelper;
using static CjpPortal.TestCommon.TestData;

namespace CjpPortal.IntegrationTests.Returns;

/// <summary>/national/engagement (CJS staff, with notes), /engagement (public, without) and /engagement.csv over
/// prepared returns (the test day is 23 November 2026, so the default year is 2025-26):
/// <list type="bullet">
/// <item>falkirk 2025-26: analyse yes (forum, event; with a note), plan partly (forum), do no;</item>
/// <item>orkney 2025-26: analyse yes (consultation), plan yes (forum, consultation; with a note);</item>
/// <item>fife 2024-25: analyse no;</item>
/// <item>the other 27 partnerships: nothing recorded.</item>
/// </list></summary>
public sealed class EngagementTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    private const string FalkirkNote = "The forum ran the needs assessment.";
    private const string OrkneyNote = "The draft plan went to every member organisation.";

    private async Task PrepareAsync()
    {
        await Fixture.CreateAnnualReturnAsync("falkirk", 2025, submittedOn: new(2026, 9, 1), stages:
        [
            Stage(CommissioningStage.Analyse, ThirdSectorInvolvement.Yes, [EngagementRouteKind.LocalForum, EngagementRouteKind.Event], 12, FalkirkNote),
            Stage(CommissioningStage.Plan, ThirdSectorInvolvement.Partly, [EngagementRouteKind.LocalForum]),
            Stage(CommissioningStage.Do, ThirdSectorInvolvement.No),
        ]);
        await Fixture.CreateAnnualReturnAsync("orkney", 2025, stages:
        [
            Stage(CommissioningStage.Analyse, ThirdSectorInvolvement.Yes, [EngagementRouteKind.Consultation]),
            Stage(CommissioningStage.Plan, ThirdSectorInvolvement.Yes, [EngagementRouteKind.LocalForum, EngagementRouteKind.Consultation], note: OrkneyNote),
        ]);
        await Fixture.CreateAnnualReturnAsync("fife", 2024, stages: [Stage(CommissioningStage.Analyse, ThirdSectorInvolvement.No)]);
    }

    private async Task<HttpClient> StaffAsync() => Fixture.CreateClientAs((await Fixture.CreateUserAsync(Roles.CjsStaff)).Id);

    private static string Counts(HtmlPage page, string stage) =>
        string.Join(' ', page.Document.QuerySelectorAll($"#stage-{stage} td").Select(td => td.TextContent.Trim()));

    [Theory]
    [InlineData("/national/engagement")]
    [InlineData("/engagement")]
    public async Task Get_DefaultYear_CountsEachStageAndTheRouteKindsUsedMost(string url)
    {
        // Arrange
        await PrepareAsync();
        using var client = url.StartsWith("/national", StringComparison.Ordinal) ? await StaffAsync() : Fixture.CreateClient();

        // Act
        var page = await client.GetDocumentAsync(url);

        // Assert: yes, partly, no, not recorded (of 30 partnerships)
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("2025-26", page.One("#stages-heading").TextOf(), StringComparison.Ordinal);
        Assert.Equal("2 0 0 28", Counts(page, "analyse"));
        Assert.Equal("1 1 0 28", Counts(page, "plan"));
        Assert.Equal("0 0 1 29", Counts(page, "do"));
        Assert.Equal("0 0 0 30", Counts(page, "review"));
        var kinds = page.Document.QuerySelectorAll("#route-kinds tbody tr").Select(r => r.TextOf()).ToList();
        Assert.Equal(["Local third-sector forum 2", "Event 1", "Consultation 1"], kinds);
    }

    [Fact]
    public async Task Get_National_ListsEachPartnershipsNotesForTheYear()
    {
        // Arrange
        await PrepareAsync();
        using var client = await StaffAsync();

        // Act
        var page = await client.GetDocumentAsync("/national/engagement");

        // Assert
        var notes = page.Document.QuerySelectorAll("#notes tbody tr").Select(r => r.TextOf()).ToList();
        Assert.Equal([$"Falkirk Community Justice Partnership Analyse Yes {FalkirkNote}", $"Orkney Community Justice Partnership Plan Yes {OrkneyNote}"], notes);
    }

    [Fact]
    public async Task Get_Public_ShowsNoNotes()
    {
        // Arrange
        await PrepareAsync();
        using var client = Fixture.CreateClient();

        // Act
        var page = await client.GetDocumentAsync("/engagement");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Null(page.Document.QuerySelector("#notes"));
        Assert.DoesNotContain(FalkirkNote, page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(OrkneyNote, page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Falkirk", page.One("main").TextOf(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/national/engagement?year=2026")]
    [InlineData("/national/engagement?year=2016")]
    [InlineData("/engagement?year=last")]
    [InlineData("/engagement?year=2024&year=2025")]
    public async Task Get_BadYear_Returns400WithTheMessageByTheYear(string url)
    {
        // Arrange
        using var client = url.StartsWith("/national", StringComparison.Ordinal) ? await StaffAsync() : Fixture.CreateClient();

        // Act
        var page = await client.GetDocumentAsync(url);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal("Choose a reporting year that has ended, from 2017-18 to 2025-26", page.One("#year-error").TextOf());
        Assert.NotNull(page.Document.QuerySelector(".ds_error-summary a[href='#year']"));
    }

    [Theory]
    [InlineData("/national/engagement?year=2019")]
    [InlineData("/engagement?year=2019")]
    public async Task Get_YearWithNoReturns_SaysSo(string url)
    {
        // Arrange
        await PrepareAsync();
        using var client = url.StartsWith("/national", StringComparison.Ordinal) ? await StaffAsync() : Fixture.CreateClient();

        // Act
        var page = await client.GetDocumentAsync(url);

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("No annual returns record third-sector engagement for 2019-20 yet", page.One("#no-returns").TextOf(), StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("#stage-counts"));
    }

    [Fact]
    public async Task Get_NothingRecordedAtAll_ShowsNoChart()
    {
        // Arrange
        using var client = Fixture.CreateClient();

        // Act
        var page = await client.GetDocumentAsync("/engagement");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotNull(page.Document.QuerySelector("#no-returns"));
        Assert.NotNull(page.Document.QuerySelector("#no-trend"));
        Assert.Null(page.Document.QuerySelector("svg.cjp-chart"));
    }

    [Fact]
    public async Task Get_TrendChart_IsWellFormedSvgWithTitleAndDescAndTheTablesNumbers()
    {
        // Arrange
        await PrepareAsync();
        using var client = Fixture.CreateClient();

        // Act
        using var response = await client.GetAsync(new Uri("/engagement", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        var page = await client.GetDocumentAsync("/engagement");

        // Assert: the chart as served parses as XML on its own, names and describes itself, and its points are the table's
        var start = body.IndexOf("<svg id=\"trend-chart\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "No trend chart in the page.");
        var svg = XElement.Parse(body[start..(body.IndexOf("</svg>", start, StringComparison.Ordinal) + "</svg>".Length)]);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("trend-chart-title trend-chart-desc", (string?)svg.Attribute("aria-labelledby"));
        Assert.Contains("2024-25 to 2025-26", svg.Element(ns + "title")!.Value, StringComparison.Ordinal);
        Assert.Contains("In 2025-26: Analyse 100%, Plan 50%, Do 0%, Review not recorded", svg.Element(ns + "desc")!.Value, StringComparison.Ordinal);

        var plotted = svg.Descendants().Where(e => e.Attribute("data-percent") is not null && e.Parent?.Attribute("data-stage") is not null)
            .Select(e => $"{e.Parent!.Attribute("data-stage")!.Value} {e.Attribute("data-year")!.Value} {e.Attribute("data-percent")!.Value}")
            .Order(StringComparer.Ordinal).ToList();
        var tabled = page.Document.QuerySelectorAll("#trend-table tbody tr")
            .SelectMany(row => row.QuerySelectorAll("td[data-percent]").Where(td => td.GetAttribute("data-percent") is { Length: > 0 })
                .Select(td => $"{td.GetAttribute("data-stage")} {row.Id!["trend-".Length..]} {td.GetAttribute("data-percent")}"))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["Analyse 2024 0", "Analyse 2025 100", "Do 2025 0", "Plan 2025 50"], plotted);
        Assert.Equal(plotted, tabled);
        Assert.Equal("2 of 2 (100%)", page.One("#trend-2025 td[data-stage='Analyse']").TextOf());
        Assert.Equal("Not recorded", page.One("#trend-2024 td[data-stage='Plan']").TextOf());
    }

    [Fact]
    public async Task Get_Csv_HasEachYearAndStageWithItsCounts()
    {
        // Arrange
        await PrepareAsync();
        using var client = Fixture.CreateClient();

        // Act
        using var response = await client.GetAsync(new Uri("/engagement.csv", UriKind.Relative));
        using var reader = new StringReader(await response.Content.ReadAsStringAsync());
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<string>();
        await csv.ReadAsync();
        csv.ReadHeader();
        while (await csv.ReadAsync())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, 7).Select(i => csv.GetField(i))));
        }

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(8, rows.Count);
        Assert.Equal("2025-26|Analyse|2|0|0|28|100", rows[0]);
        Assert.Equal("2025-26|Review|0|0|0|30|", rows[3]);
        Assert.Equal("2024-25|Analyse|0|0|1|29|0", rows[4]);
    }
}
