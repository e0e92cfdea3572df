using System.Net;
using CjpPortal.Core.Seed;
using CjpPortal.TestCommon;

namespace CjpPortal.IntegrationTests.Partnerships;

[Collection(PortalCollection.Name)]
public sealed class IndexTests(PortalFixture fixture)
{
    [Fact]
    public async Task Get_List_LinksToEveryPartnershipOnce()
    {
        // Arrange
        var expected = ReferenceData.CouncilAreas.Select(a => $"/partnerships/{a.PartnershipSlug}").Distinct().Order(StringComparer.Ordinal).ToList();

        // Act
        var page = await fixture.Client.GetDocumentAsync("/partnerships");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var links = page.Document.QuerySelectorAll("main a[href^='/partnerships/']").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(30, expected.Count);
        Assert.Equal(expected, links.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Get_List_ShowsPartnershipNamesInAlphabeticalOrderWithTheirAreas()
    {
        // Act
        var page = await fixture.Client.GetDocumentAsync("/partnerships");

        // Assert
        var names = page.Document.QuerySelectorAll("main a[href^='/partnerships/']").Select(a => a.TextOf()).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Contains("Community Justice Ayrshire", names);
        Assert.Contains("East Ayrshire, North Ayrshire, South Ayrshire", page.Text, StringComparison.Ordinal);
        Assert.Equal("Community justice partnerships", page.Document.QuerySelector("h1")?.TextOf());
    }
}
