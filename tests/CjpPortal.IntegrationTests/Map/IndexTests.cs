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
        var links = page.Document.QuerySelectorAll("svg a[href^='/partnerships/']").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(32, links.Count);
        Assert.Equal(expected, links.Order(StringComparer.Ordinal));
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
