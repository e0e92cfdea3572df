using System.Net;
using CjpPortal.Core.Seed;
using CjpPortal.TestCommon;

namespace CjpPortal.IntegrationTests.Map;

[Collection(PortalCollection.Name)]
public sealed class IndexTests(PortalFixture fixture)
{
    [Fact]
    public async Task Get_Map_LinksEveryCouncilAreaToItsPartnership()
    {
        // Arrange
        var expected = ReferenceData.CouncilAreas.Select(a => $"/partnerships/{a.PartnershipSlug}").Order(StringComparer.Ordinal).ToList();

        // Act
        var page = await fixture.Client.GetDocumentAsync("/map");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var links = page.Document.QuerySelectorAll("svg.cjp-map__svg a[href^='/partnerships/']").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(32, links.Count);
        Assert.Equal(expected, links.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Get_Map_EnlargesTheCentralBeltForPointersOnlyAndNamesEachAreaOnFocus()
    {
        // Act
        var page = await fixture.Client.GetDocumentAsync("/map");

        // Assert: the enlargement repeats links the map and the list already give, so it stays out of the tab order
        // and away from screen readers.
        var inset = Assert.Single(page.Document.QuerySelectorAll(".cjp-map__inset"));
        Assert.Equal("true", inset.GetAttribute("aria-hidden"));
        var labels = inset.QuerySelectorAll("a.cjp-map__link").Select(a => a.GetAttribute("aria-label")!.Split(':')[0]).ToList();
        Assert.Contains("Clackmannanshire", labels);
        Assert.Contains("Inverclyde", labels);
        Assert.Contains("East Lothian", labels);
        Assert.All(inset.QuerySelectorAll("a"), a => Assert.Equal("-1", a.GetAttribute("tabindex")));
        Assert.All(page.Document.QuerySelectorAll("svg.cjp-map__svg a.cjp-map__link"), a =>
            Assert.Equal(a.GetAttribute("aria-label")!.Split(':')[0], a.QuerySelector("text.cjp-map__name")?.TextContent));
    }

    [Fact]
    public async Task Get_Map_CreditsTheBoundaryData()
    {
        // Act
        var page = await fixture.Client.GetDocumentAsync("/map");

        // Assert
        Assert.Contains("Martin Chorley", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Map_HasTextAlternativeListingThePartnerships()
    {
        // Act
        var page = await fixture.Client.GetDocumentAsync("/map");

        // Assert: people who cannot use the map get the same links outside it.
        var outside = page.Document.QuerySelectorAll("main a[href^='/partnerships/']")
            .Where(a => a.Closest("svg") is null)
            .Select(a => a.GetAttribute("href"))
            .Distinct()
            .Count();
        Assert.Equal(30, outside);
    }
}
