using System.Net;
using CjpPortal.Core.Domain;
using CjpPortal.TestCommon;
using CjpPortal.Web;
using CjpPortal.Web.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static CjpPortal.TestCommon.HtmlAssertions;

namespace CjpPortal.IntegrationTests.Find;

/// <summary>/find by town, village or island, by a misspelt name, and by position (issue 9, "Finding").</summary>
public sealed class PlacesAndSpellingTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    /// <summary>Misspellings people make (letters swapped, missing, doubled or wrong; a space in a compound) and the
    /// partnership each must offer.</summary>
    public static TheoryData<string, string> Misspellings => new()
    {
        { "Falkrik", "falkirk" },
        { "Edinbrugh", "edinburgh" },
        { "Glasow", "glasgow" },
        { "Aberdene", "aberdeen-city" },
        { "Dundeee", "dundee" },
        { "Aberdeen shire", "aberdeenshire" },
        { "Edinbugh", "edinburgh" },
        { "Glasgwo", "glasgow" },
        { "Stirlng", "stirling" },
        { "Invernes", "highland" },
        { "Kilmarnok", "ayrshire" },
        { "Paisly", "renfrewshire" },
        { "Stornaway", "western-isles" },
        { "Kirkwal", "orkney" },
        { "Dumfires", "dumfries-and-galloway" },
        { "Clackmananshire", "clackmannanshire" },
        { "Renfrewshir", "renfrewshire" },
        { "Inverclide", "inverclyde" },
        { "Midlothain", "midlothian" },
        { "Shetlnd", "shetland" },
        { "Orkeny", "orkney" },
        { "Highlnd", "highland" },
        { "Fiffe", "fife" },
        { "Perth and Kinros", "perth-and-kinross" },
        { "West Lothain", "west-lothian" },
        { "Argyl and Bute", "argyll-and-bute" },
        { "Scotish Borders", "scottish-borders" },
        { "East Renfrewsire", "east-renfrewshire" },
        { "North Ayshire", "ayrshire" },
        { "Western Isels", "western-isles" },
        { "Lerwik", "shetland" },
        { "Kirkcaldie", "fife" },
        { "Dunfermlin", "fife" },
        { "Motherwel", "north-lanarkshire" },
        { "Livingstone", "west-lothian" },
        { "Morey", "moray" },
        { "Angis", "angus" },
        { "Peterheed", "aberdeenshire" },
        { "Fort Wiliam", "highland" },
        { "Obann", "argyll-and-bute" },
        { "Hamilon", "south-lanarkshire" },
        { "East Lothain", "east-lothian" },
    };

    /// <summary>Real words near enough to Scottish names to tempt a fuzzy match, that must match nothing.</summary>
    public static TheoryData<string> NearMisses => new(
    [
        "Paris", "London", "Fiction", "Alba", "Dublin", "Cardiff", "Belfast", "Bristol", "Leeds", "York", "Manchester",
        "Oxford", "Kent", "Devon", "Wales", "England", "Ireland", "Berlin", "Madrid", "Rome", "Boston", "Sydney",
        "Toronto", "Justice", "Community", "Council", "Partnership", "Water", "House", "Garden", "Police", "Hospital",
        "Liverpool", "Newcastle", "Norwich", "Cambridge", "Swansea", "Plymouth", "Durham", "Carlisle", "Chester",
        "Exeter", "Lincoln", "Bath", "Hull", "Derby", "Luton", "Coventry", "Athens", "Vienna", "Prague", "Oslo",
        "Bergen", "Iceland", "Norway", "Canada", "Banana", "Window", "Library", "Forest", "Highway", "Harbour", "Mountain",
    ]);

    [Theory]
    [InlineData("Paisley", "/partnerships/renfrewshire")]
    [InlineData("Stornoway", "/partnerships/western-isles")]
    [InlineData("Skye", "/partnerships/highland")]
    [InlineData("kirkwall", "/partnerships/orkney")]
    [InlineData("Na h-Eileanan an Iar", "/partnerships/western-isles")]
    public async Task Get_PlaceOrAlias_RedirectsToItsPartnership(string query, string expected)
    {
        // Act
        var response = await Fixture.Client.GetAsync(new Uri($"/find?q={Uri.EscapeDataString(query)}", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("Tarbert", "argyll-and-bute", "western-isles")]
    [InlineData("Newburgh", "aberdeenshire", "fife")]
    [InlineData("Aberdeen", "aberdeen-city", "aberdeenshire")]
    public async Task Get_NameInTwoAreas_ListsBoth(string query, string first, string second)
    {
        // Act
        var page = await Fixture.Client.GetDocumentAsync($"/find?q={query}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        AssertNoErrors(page.Document);
        var links = page.Document.QuerySelectorAll("#results ~ ul a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/partnerships/{first}", $"/partnerships/{second}"], links.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Get_ForthValley_ListsFalkirkStirlingAndClackmannanshire()
    {
        // Act
        var page = await Fixture.Client.GetDocumentAsync("/find?q=Forth%20Valley");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var links = page.Document.QuerySelectorAll("#results ~ ul a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/partnerships/clackmannanshire", "/partnerships/falkirk", "/partnerships/stirling"], links.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Get_TarbertResults_SayWhichCouncilAreaEachIsIn()
    {
        // Act
        var page = await Fixture.Client.GetDocumentAsync("/find?q=Tarbert");

        // Assert
        Assert.Contains("Tarbert, Argyll and Bute", page.Text, StringComparison.Ordinal);
        Assert.Contains("Tarbert, Na h-Eileanan Siar", page.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Misspellings))]
    public async Task Get_Misspelling_OffersTheRightPartnershipFirst(string query, string expected)
    {
        // Act
        var response = await Fixture.Client.GetAsync(new Uri($"/find?q={Uri.EscapeDataString(query)}", UriKind.Relative));

        // Assert: a name cut short ("Motherwel") is the start of one name and goes straight there; anything else
        // asks "Did you mean …?" (or lists the names it is part of) with the right partnership first.
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.Equal($"/partnerships/{expected}", response.Headers.Location?.OriginalString);
            return;
        }

        var page = await Html.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        AssertNoErrors(page.Document);
        var first = page.Document.QuerySelector("#results ~ ul a");
        Assert.Equal($"/partnerships/{expected}", first?.GetAttribute("href"));
    }

    [Theory]
    [InlineData("Falkrik", "falkirk", "Falkirk")]
    [InlineData("Edinbrugh", "edinburgh", "Edinburgh")]
    [InlineData("Glasow", "glasgow", "Glasgow")]
    [InlineData("Aberdene", "aberdeen-city", "Aberdeen")]
    [InlineData("Dundeee", "dundee", "Dundee")]
    [InlineData("Aberdeen shire", "aberdeenshire", "Aberdeenshire")]
    [InlineData("Paisly", "renfrewshire", "Paisley, Renfrewshire")]
    public async Task Get_Misspelling_AsksDidYouMeanWithTheNameSpeltRight(string query, string expected, string shown)
    {
        // Act
        var page = await Fixture.Client.GetDocumentAsync($"/find?q={Uri.EscapeDataString(query)}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("Did you mean…?", page.Document.QuerySelector("#results")?.TextContent.Trim());
        var first = page.Document.QuerySelector("#results ~ ul a");
        Assert.Equal($"/partnerships/{expected}", first?.GetAttribute("href"));
        Assert.Equal(shown, first?.TextContent.Trim());
    }

    [Theory]
    [MemberData(nameof(NearMisses))]
    public async Task Get_NearMissWord_FindsNothing(string query)
    {
        // Act
        var page = await Fixture.Client.GetDocumentAsync($"/find?q={query}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("No partnership found", page.Text, StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("main a[href^='/partnerships/']"));
    }

    [Fact]
    public async Task Get_SearchPage_HintSaysWhatCanBeTyped()
    {
        // Act
        var page = await Fixture.Client.GetDocumentAsync("/find?q=Atlantis");

        // Assert
        var hint = page.Document.QuerySelector("#q-hint")?.TextContent ?? string.Empty;
        Assert.Contains("council area", hint, StringComparison.Ordinal);
        Assert.Contains("partnership", hint, StringComparison.Ordinal);
        Assert.Contains("town or village", hint, StringComparison.Ordinal);
        Assert.Contains("island", hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("58.2094", "-6.3872", "/partnerships/western-isles")] // Stornoway
    [InlineData("55.8456", "-4.4239", "/partnerships/renfrewshire")] // Paisley
    [InlineData("55.4580", "-4.6290", "/partnerships/ayrshire")] // Ayr
    public async Task Get_PositionInCouncilArea_RedirectsToItsPartnership(string lat, string lon, string expected)
    {
        // Act
        var response = await Fixture.Client.GetAsync(new Uri($"/find?lat={lat}&lon={lon}", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("57.0", "-9.0")] // the Atlantic
    [InlineData("51.5074", "-0.1278")] // London
    public async Task Get_PositionAtSeaOrOutsideScotland_SaysSo(string lat, string lon)
    {
        // Act
        var page = await Fixture.Client.GetDocumentAsync($"/find?lat={lat}&lon={lon}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Your location is not in a Scottish council area", page.Text, StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("main a[href^='/partnerships/']"));
    }

    [Theory]
    [InlineData("/find?lat=north&lon=-4")]
    [InlineData("/find?lat=56")]
    [InlineData("/find?lat=95&lon=-4")]
    public async Task Get_InvalidPosition_Returns400WithError(string url)
    {
        // Act
        var page = await Fixture.Client.GetDocumentAsync(url);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        AssertErrorSummaryContains(page.Document, "could not be read");
    }

    [Fact]
    public async Task Match_AliasAddedBehindThePortalsBack_IsFoundOnceTheIndexExpires()
    {
        // Arrange: the index is loaded, then the database changes without an eviction (a missed notification).
        var index = UnevictedIndex();
        Assert.Equal(["falkirk"], (await index.MatchAsync("Falkirk")).Select(p => p.Slug));
        await Fixture.WithDbContextAsync(async db =>
        {
            var falkirk = await db.CouncilAreas.SingleAsync(a => a.Name == "Falkirk");
            falkirk.Aliases = [.. falkirk.Aliases, "Brigadoon"];
            await db.SaveChangesAsync();
        });
        var before = await index.MatchAsync("Brigadoon");
        var lifetime = Fixture.Factory.Services.GetRequiredService<IOptions<PortalOptions>>().Value.PublicPageCacheSeconds;

        // Act
        Fixture.Clock.Advance(TimeSpan.FromSeconds(lifetime + 1));
        var after = await index.MatchAsync("Brigadoon");

        // Assert
        Assert.Empty(before);
        Assert.Equal(["falkirk"], after.Select(p => p.Slug));
    }

    [Fact]
    public async Task Match_PlaceAddedBehindThePortalsBack_IsFoundOnceTheIndexExpires()
    {
        // Arrange
        var index = UnevictedIndex();
        Assert.Equal(["renfrewshire"], (await index.MatchAsync("Paisley")).Select(p => p.Slug));
        await Fixture.WithDbContextAsync(async db =>
        {
            var fife = await db.CouncilAreas.SingleAsync(a => a.Name == "Fife");
            db.Places.Add(new Place { Name = "Auchtermuchty Wester", CouncilAreaId = fife.Id });
            await db.SaveChangesAsync();
        });
        var before = await index.MatchAsync("Auchtermuchty Wester");
        var lifetime = Fixture.Factory.Services.GetRequiredService<IOptions<PortalOptions>>().Value.PublicPageCacheSeconds;

        // Act
        Fixture.Clock.Advance(TimeSpan.FromSeconds(lifetime + 1));
        var after = await index.MatchAsync("Auchtermuchty Wester");

        // Assert
        Assert.Empty(before);
        Assert.Equal(["fife"], after.Select(p => p.Slug));
    }

    /// <summary>An index (and snapshot) of its own, built as the portal builds them, that no eviction reaches: the
    /// portal's own hears the NOTIFY of the reset before each test at a moment no test controls.</summary>
    private AreaIndex UnevictedIndex()
    {
        var services = Fixture.Factory.Services;
        var options = services.GetRequiredService<IOptions<PortalOptions>>();
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        return new AreaIndex(new DirectorySnapshotCache(scopes, options, Fixture.Clock), scopes, options, Fixture.Clock);
    }
}
