using System.Globalization;
using System.Net;
using CjpPortal.TestCommon;
using CsvHelper;

namespace CjpPortal.IntegrationTests.Plans;

/// <summary>/participation-statements (and its CSV) and /consultations: anyone sees which partnerships have published a
/// participation statement for their current plan, and which plans are open for consultation. The test day is
/// 23 November 2026.</summary>
public sealed class PublicPlansTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    private static readonly DateOnly Today = FixedTimeProvider.TestToday;

    [Fact]
    public async Task Get_ParticipationStatements_ShowsEachPartnershipsCurrentPlanAndCounts()
    {
        // Arrange: falkirk published one; orkney's statement is for its superseded plan only; fife has no plan
        await Fixture.CreatePlanAsync("falkirk", new(2023, 4, 1), new(2028, 3, 31), publishedOn: new(2023, 6, 1), statementPublishedOn: new(2023, 6, 2));
        await Fixture.CreatePlanAsync("orkney", new(2019, 4, 1), new(2023, 3, 31), publishedOn: new(2019, 5, 1), statementPublishedOn: new(2019, 5, 1));
        await Fixture.CreatePlanAsync("orkney", new(2023, 4, 1), new(2028, 3, 31), publishedOn: new(2023, 6, 1));

        // Act
        var page = await Fixture.Client.GetDocumentAsync("/participation-statements");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(30, page.Document.QuerySelectorAll("#statements tbody tr").Length);
        var falkirk = page.One("#statement-falkirk").TextOf();
        Assert.Contains("2023 to 2028", falkirk, StringComparison.Ordinal);
        Assert.Contains("Published 2 June 2023", falkirk, StringComparison.Ordinal);
        Assert.Equal("https://falkirk.example.org/statement-2023.pdf", page.One("#statement-falkirk td a").GetAttribute("href"));
        Assert.Contains("Not published", page.One("#statement-orkney").TextOf(), StringComparison.Ordinal);
        Assert.Contains("No published plan", page.One("#statement-fife").TextOf(), StringComparison.Ordinal);
        Assert.StartsWith("1 of 30 partnerships have published", page.One("#count-published").TextOf(), StringComparison.Ordinal);
        Assert.StartsWith("1 has a current plan", page.One("#count-missing").TextOf(), StringComparison.Ordinal);
        Assert.StartsWith("28 have no published plan", page.One("#count-no-plan").TextOf(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ParticipationStatementsCsv_HoldsTheSameRows()
    {
        // Arrange
        await Fixture.CreatePlanAsync("falkirk", new(2023, 4, 1), new(2028, 3, 31), publishedOn: new(2023, 6, 1), statementPublishedOn: new(2023, 6, 2));

        // Act
        var response = await Fixture.Client.GetAsync(new Uri("/participation-statements.csv", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        using var reader = new CsvReader(new StringReader(await response.Content.ReadAsStringAsync()), CultureInfo.InvariantCulture);
        var records = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(30, records.Count);
        var falkirk = records.Single(r => (string)r["Partnership"] == "Falkirk Community Justice Partnership");
        Assert.Equal("Published", falkirk["Participation statement"]);
        Assert.Equal("2023-06-02", falkirk["Participation statement published"]);
        Assert.Equal("2023-04-01", falkirk["Current plan start"]);
        Assert.Equal("No published plan", records.Single(r => ((string)r["Page"]).EndsWith("/fife", StringComparison.Ordinal))["Participation statement"]);
    }

    [Fact]
    public async Task Get_Consultations_ListsOpenOnesSoonestClosingFirstWithDaysLeft()
    {
        // Arrange
        var later = await Fixture.CreatePlanAsync("falkirk", new(2028, 4, 1), new(2033, 3, 31), consultationOpensOn: Today.AddDays(-5), consultationClosesOn: Today.AddDays(20));
        var sooner = await Fixture.CreatePlanAsync("orkney", new(2028, 4, 1), new(2033, 3, 31), consultationOpensOn: Today.AddDays(-30), consultationClosesOn: Today);
        var tomorrow = await Fixture.CreatePlanAsync("fife", new(2028, 4, 1), new(2033, 3, 31), consultationOpensOn: Today, consultationClosesOn: Today.AddDays(1));
        var planned = await Fixture.CreatePlanAsync("angus", new(2028, 4, 1), new(2033, 3, 31), consultationOpensOn: Today.AddDays(7), consultationClosesOn: Today.AddDays(40));
        var closed = await Fixture.CreatePlanAsync("moray", new(2028, 4, 1), new(2033, 3, 31), consultationOpensOn: Today.AddDays(-60), consultationClosesOn: Today.AddDays(-1));
        await Fixture.CreatePlanAsync("highland", new(2028, 4, 1), new(2033, 3, 31), consultationOpensOn: Today.AddDays(-200), consultationClosesOn: Today.AddDays(-91));

        // Act
        var page = await Fixture.Client.GetDocumentAsync("/consultations");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(
            [$"consultation-{sooner.Id}", $"consultation-{tomorrow.Id}", $"consultation-{later.Id}"],
            page.Document.QuerySelectorAll("#open-list > li").Select(li => li.Id));
        Assert.Contains("Closes today", page.One($"#consultation-{sooner.Id}").TextOf(), StringComparison.Ordinal);
        Assert.Contains("Closes tomorrow", page.One($"#consultation-{tomorrow.Id}").TextOf(), StringComparison.Ordinal);
        Assert.Contains("Closes in 20 days", page.One($"#consultation-{later.Id}").TextOf(), StringComparison.Ordinal);
        Assert.Equal([$"consultation-{planned.Id}"], page.Document.QuerySelectorAll("#planned-list > li").Select(li => li.Id));
        Assert.Equal([$"consultation-{closed.Id}"], page.Document.QuerySelectorAll("#closed-list > li").Select(li => li.Id));
        Assert.Equal("Open now (3)", page.One("#open").TextOf());
    }

    [Fact]
    public async Task Get_ConsultationsWhenNoneIsOpen_SaysSo()
    {
        // Act
        var page = await Fixture.Client.GetDocumentAsync("/consultations");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("No plan is open for consultation at the moment.", page.One("#none-open").TextOf());
        Assert.Empty(page.Document.QuerySelectorAll("#open-list"));
    }
}
