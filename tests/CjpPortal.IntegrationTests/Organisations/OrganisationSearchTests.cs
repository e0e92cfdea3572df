using System.Net;
using CjpPortal.Core.Organisations;
using CjpPortal.TestCommon;

namespace CjpPortal.IntegrationTests.Organisations;

/// <summary>/organisations: typo-tolerant words, theme and place filters combined with AND, facet counts, paging.</summary>
public sealed class OrganisationSearchTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    private async Task SeedAsync()
    {
        await Fixture.CreateOrganisationAsync("Mind the Gap Falkirk", areas: ["Falkirk"], themes: [Theme.MentalHealth],
            description: "Mental health support and counselling for adults.",
            services: [new TestService("Wellbeing drop-in", "Weekly drop-in sessions for anyone feeling anxious or depressed.")]);
        await Fixture.CreateOrganisationAsync("Roof Over Fife", areas: ["Fife"], themes: [Theme.HousingAndHomelessness],
            description: "Homelessness prevention and tenancy support.",
            services: [new TestService("Tenancy sustainment", "Help keeping accommodation after release from prison.")]);
        await Fixture.CreateOrganisationAsync("Recovery Road", areas: ["Falkirk", "Stirling"], themes: [Theme.AddictionsAndRecovery, Theme.MentalHealth],
            description: "Peer-led recovery community for people affected by alcohol and drugs.");
        await Fixture.CreateOrganisationAsync("Restore Scotland", allOfScotland: true, themes: [Theme.RestorativeJustice, Theme.VictimsAndWitnesses],
            description: "Restorative justice conferencing between victims and people who have harmed.");
        await Fixture.CreateOrganisationAsync("Family Ties", areas: ["Glasgow City"], themes: [Theme.Families],
            description: "Support for families of prisoners, including children visiting prisons.");
        await Fixture.CreateOrganisationAsync("Work Ready Angus", areas: ["Angus"], themes: [Theme.Employability],
            description: "Employability training, volunteering and job coaching.");
        await Fixture.CreateOrganisationAsync("Money Matters Stirling", areas: ["Stirling"], themes: [Theme.PovertyAndMoneyAdvice],
            description: "Welfare rights, debt and benefits advice.");
        await Fixture.CreateOrganisationAsync("Hidden Draft", areas: ["Falkirk"], themes: [Theme.MentalHealth], status: OrganisationStatus.AwaitingModeration,
            description: "Mental health, not yet approved.");
        await Fixture.EvictCachesAsync();
    }

    [Theory]
    [InlineData("mentle health", "Mind the Gap Falkirk")]
    [InlineData("mental helth", "Mind the Gap Falkirk")]
    [InlineData("mentall health", "Mind the Gap Falkirk")]
    [InlineData("counseling", "Mind the Gap Falkirk")]
    [InlineData("wellbeeing", "Mind the Gap Falkirk")]
    [InlineData("homelesness", "Roof Over Fife")]
    [InlineData("homlessness", "Roof Over Fife")]
    [InlineData("tennancy", "Roof Over Fife")]
    [InlineData("acommodation", "Roof Over Fife")]
    [InlineData("recovry", "Recovery Road")]
    [InlineData("alcohl", "Recovery Road")]
    [InlineData("addictions and recovry", "Recovery Road")]
    [InlineData("restorotive justice", "Restore Scotland")]
    [InlineData("restorative justise", "Restore Scotland")]
    [InlineData("victims and witneses", "Restore Scotland")]
    [InlineData("conferencing", "Restore Scotland")]
    [InlineData("famillies", "Family Ties")]
    [InlineData("prisonners", "Family Ties")]
    [InlineData("employabilty", "Work Ready Angus")]
    [InlineData("volunteerring", "Work Ready Angus")]
    [InlineData("welfair rights", "Money Matters Stirling")]
    [InlineData("benifits advice", "Money Matters Stirling")]
    public async Task Get_MisspeltWords_FindTheListing(string words, string expected)
    {
        // Arrange
        await SeedAsync();

        // Act
        var page = await Fixture.CreateClient().GetDocumentAsync($"/organisations?q={Uri.EscapeDataString(words)}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var names = page.Document.QuerySelectorAll("#results .ds_search-result__title").Select(e => e.TextContent.Trim()).ToList();
        Assert.Contains(expected, names);
        Assert.DoesNotContain("Hidden Draft", names);
    }

    [Fact]
    public async Task Get_WordsThemeAndPlace_AreCombinedWithAnd()
    {
        // Arrange
        await SeedAsync();
        var client = Fixture.CreateClient();

        // Act
        var theme = await client.GetDocumentAsync("/organisations?theme=mental-health");
        var themeAndPlace = await client.GetDocumentAsync("/organisations?theme=mental-health&place=Grangemouth");
        var allThree = await client.GetDocumentAsync("/organisations?q=alcohol&theme=mental-health&place=Grangemouth");
        var area = await client.GetDocumentAsync("/organisations?area=S12000030");

        // Assert
        Assert.Equal(["Mind the Gap Falkirk", "Recovery Road"], Names(theme));
        Assert.Equal(["Mind the Gap Falkirk", "Recovery Road"], Names(themeAndPlace));
        Assert.Equal(["Recovery Road"], Names(allThree));
        // Stirling: its own listings and the all-of-Scotland one.
        Assert.Equal(["Money Matters Stirling", "Recovery Road", "Restore Scotland"], Names(area));
    }

    [Fact]
    public async Task Get_Search_FacetCountsDescribeTheResult()
    {
        // Arrange
        await SeedAsync();

        // Act
        var page = await Fixture.CreateClient().GetDocumentAsync("/organisations?area=S12000014");

        // Assert: Falkirk has Mind the Gap, Recovery Road and (all of Scotland) Restore Scotland
        Assert.Equal("(2)", page.One("#theme-facets [data-theme='mental-health'] .cjp-count").TextContent);
        Assert.Equal("(1)", page.One("#theme-facets [data-theme='restorative-justice'] .cjp-count").TextContent);
        Assert.Empty(page.Document.QuerySelectorAll("#theme-facets [data-theme='families']"));
        Assert.Equal("(3)", page.One("#area-facets [data-area='S12000014'] .cjp-count").TextContent);
        Assert.Equal("(2)", page.One("#area-facets [data-area='S12000030'] .cjp-count").TextContent);
        Assert.Equal("3 organisations", page.One("#results-count").TextContent.Trim());
    }

    [Fact]
    public async Task Get_ManyResults_ArePagedWithLinksKeepingTheFilters()
    {
        // Arrange
        for (var i = 1; i <= 45; i++)
        {
            await Fixture.CreateOrganisationAsync($"Paged Trust {i:00}", areas: ["Fife"], themes: [Theme.Advocacy]);
        }

        var client = Fixture.CreateClient();

        // Act
        var first = await client.GetDocumentAsync("/organisations?theme=advocacy");
        var third = await client.GetDocumentAsync("/organisations?theme=advocacy&page=3");

        // Assert
        Assert.Equal(20, Names(first).Count);
        Assert.Equal("Paged Trust 01", Names(first)[0]);
        Assert.Equal(["Paged Trust 41", "Paged Trust 42", "Paged Trust 43", "Paged Trust 44", "Paged Trust 45"], Names(third));
        var next = first.Document.QuerySelector(".ds_pagination__link")!.GetAttribute("href");
        Assert.Equal("/organisations?theme=advocacy&page=2", next);
    }

    [Fact]
    public async Task Get_NothingMatches_ShowsEmptyState()
    {
        // Arrange
        await SeedAsync();

        // Act
        var page = await Fixture.CreateClient().GetDocumentAsync("/organisations?q=zzzzqqqq");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotNull(page.Document.QuerySelector("#no-results"));
    }

    [Theory]
    [InlineData("theme=astrology", "theme")]
    [InlineData("area=S99999999", "area")]
    [InlineData("place=Atlantis", "place")]
    public async Task Get_UnknownFilter_Returns400WithMessage(string query, string field)
    {
        // Act
        var page = await Fixture.CreateClient().GetDocumentAsync($"/organisations?{query}");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.NotNull(page.Document.QuerySelector($"#{field}-error"));
    }

    [Fact]
    public async Task Get_Csv_ListsPublishedListingsAndServicesNeutralised()
    {
        // Arrange
        await Fixture.CreateOrganisationAsync("=HYPERLINK(\"x\")", areas: ["Fife"], services: [new TestService("Drop-in")]);
        await Fixture.CreateOrganisationAsync("Not Yet", areas: ["Fife"], status: OrganisationStatus.AwaitingModeration);
        await Fixture.EvictCachesAsync();

        // Act
        var response = await Fixture.CreateClient().GetAsync(new Uri("/organisations.csv", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Drop-in", text, StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Not Yet", text, StringComparison.Ordinal);
    }

    private static List<string> Names(HtmlPage page) =>
        [.. page.Document.QuerySelectorAll("#results .ds_search-result__title").Select(e => e.TextContent.Trim())];
}
