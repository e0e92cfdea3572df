using System.Globalization;
using System.Net;
using CjpPortal.TestCommon;
using CsvHelper;

namespace CjpPortal.IntegrationTests.Compare;

/// <summary>/compare: a worker whose organisation covers several council areas sees their partnerships side by side,
/// at an address they can share, and as CSV.</summary>
public sealed class CompareTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    private const string Falkirk = "S12000014";
    private const string NorthAyrshire = "S12000021";
    private const string SouthAyrshire = "S12000028";
    private const string Orkney = "S12000023";

    [Fact]
    public async Task Get_ThreeAreasIncludingAyrshire_ShowsEachPartnershipsEntryInAColumn()
    {
        // Arrange
        await Fixture.CreatePublishedContactAsync("falkirk", "Ada Example", email: "ada@falkirk.example.org");
        await Fixture.CreatePublishedContactAsync("ayrshire", "Ben Example", email: "ben@ayrshire.example.org");
        await Fixture.CreatePlanAsync("ayrshire", new(2023, 4, 1), new(2028, 3, 31), publishedOn: new(2023, 6, 1), statementPublishedOn: new(2023, 6, 2));
        await Fixture.SetLastConfirmedAsync("orkney", new(2024, 1, 10));

        // Act
        var page = await Fixture.Client.GetDocumentAsync($"/compare?areas={Falkirk},{NorthAyrshire},{Orkney}");

        // Assert: one column per partnership, in the order chosen, each with the directory's rows
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var headings = page.Document.QuerySelectorAll("#compare-table thead th").Select(th => th.TextOf()).ToList();
        Assert.Equal(3, headings.Count);
        Assert.StartsWith("Falkirk Community Justice Partnership", headings[0], StringComparison.Ordinal);
        Assert.Equal("Community Justice Ayrshire Chosen: North Ayrshire", headings[1]);
        Assert.StartsWith("Orkney Community Justice Partnership", headings[2], StringComparison.Ordinal);
        var rows = page.Document.QuerySelectorAll("#compare-table tbody tr").ToDictionary(
            tr => tr.QuerySelector("th")!.TextOf(), tr => tr.QuerySelectorAll("td").Select(td => td.TextOf()).ToList());
        Assert.Equal(12, rows.Count);
        Assert.Contains("Ada Example", rows["Main contact"][0], StringComparison.Ordinal);
        Assert.Contains("Ben Example", rows["Main contact"][1], StringComparison.Ordinal);
        Assert.Equal("East Ayrshire, North Ayrshire, South Ayrshire", rows["Council areas"][1]);
        Assert.StartsWith("2023 to 2028", rows["Current plan (CJOIP)"][1], StringComparison.Ordinal);
        Assert.Equal("None published", rows["Current plan (CJOIP)"][0]);
        Assert.StartsWith("Published", rows["Participation statement"][1], StringComparison.Ordinal);
        Assert.Equal("10 January 2024 Stale", rows["Last confirmed"][2]);
        Assert.Contains("format=csv", page.One("#compare-csv").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_TwoAreasOfOnePartnership_ShowOneColumnNamingBoth()
    {
        // Act
        var page = await Fixture.Client.GetDocumentAsync($"/compare?areas={SouthAyrshire},{NorthAyrshire}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(["Community Justice Ayrshire Chosen: South Ayrshire, North Ayrshire"], page.Document.QuerySelectorAll("#compare-table thead th").Select(th => th.TextOf()));
    }

    [Fact]
    public async Task Get_CheckboxFormRepeatingAreas_RedirectsToTheAddressToShare()
    {
        // Act
        var response = await Fixture.Client.GetAsync(new Uri($"/compare?areas={Falkirk}&areas={Orkney}&areas={Falkirk}", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/compare?areas={Falkirk}%2C{Orkney}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Get_WithoutAreas_ShowsTheChoiceOfEveryCouncilArea()
    {
        // Act
        var page = await Fixture.Client.GetDocumentAsync("/compare");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Null(page.Document.QuerySelector("#compare-table"));
        Assert.Null(page.Document.QuerySelector(".ds_error-summary"));
        Assert.Equal(32, page.Document.QuerySelectorAll("input[type=checkbox][name=areas]").Length);
        Assert.Equal("Aberdeen City", page.One("label[for=areas]").TextOf());
    }

    [Theory]
    [InlineData("S12000014", "Choose at least 2 council areas to compare")]
    [InlineData("S12000014,S99999999", "There is no council area with the code S99999999. Choose council areas from the list")]
    [InlineData("S12000014,S12000014", "Choose at least 2 council areas to compare")]
    public async Task Get_TooFewOrUnknownAreas_Returns400WithTheMessageByTheChoice(string areas, string message)
    {
        // Act
        var page = await Fixture.Client.GetDocumentAsync($"/compare?areas={areas}");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal(message, page.One(".ds_error-summary a[href='#areas']").TextOf());
        Assert.Equal(message, page.One("#areas-error").TextOf());
        Assert.Null(page.Document.QuerySelector("#compare-table"));
        Assert.StartsWith("Error: ", page.Document.Title, StringComparison.Ordinal);
        Assert.True(page.One($"#areas-{Falkirk}").HasAttribute("checked"), "the areas chosen stay ticked");
    }

    [Fact]
    public async Task Get_Csv_HoldsTheDirectoryColumnsForEachPartnershipChosen()
    {
        // Arrange
        await Fixture.CreatePublishedContactAsync("falkirk", "Ada Example", email: "ada@falkirk.example.org");

        // Act
        var response = await Fixture.Client.GetAsync(new Uri($"/compare?areas={Falkirk},{NorthAyrshire},{SouthAyrshire}&format=csv", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        using var reader = new CsvReader(new StringReader(await response.Content.ReadAsStringAsync()), CultureInfo.InvariantCulture);
        var records = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["Falkirk Community Justice Partnership", "Community Justice Ayrshire"], records.Select(r => (string)r["Partnership"]));
        Assert.Equal("Ada Example", records[0]["Main contact"]);
        Assert.Equal("ada@falkirk.example.org", records[0]["Main contact email"]);
    }

    [Theory]
    [InlineData("format=pdf")]
    [InlineData("format=csv")]
    public async Task Get_BadFormatOrCsvWithoutAreas_Returns400(string query)
    {
        // Act
        var page = await Fixture.Client.GetDocumentAsync($"/compare?{query}");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.NotNull(page.Document.QuerySelector(".ds_error-summary"));
    }
}
