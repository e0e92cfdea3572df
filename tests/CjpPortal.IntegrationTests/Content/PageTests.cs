using System.Net;
using CjpPortal.TestCommon;

namespace CjpPortal.IntegrationTests.Content;

[Collection(PortalCollection.Name)]
public sealed class PageTests(PortalFixture fixture)
{
    [Theory]
    [InlineData("/about")]
    [InlineData("/accessibility")]
    [InlineData("/privacy")]
    public async Task Get_ContentPage_ReturnsPageWithHeading(string url)
    {
        // Act
        var page = await fixture.Client.GetDocumentAsync(url);

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var heading = page.One("h1");
        Assert.NotEmpty(heading.TextOf());
        Assert.False(string.IsNullOrWhiteSpace(page.Document.Title));
    }

    [Theory]
    [InlineData("/about")]
    [InlineData("/accessibility")]
    [InlineData("/privacy")]
    public async Task Get_Home_FooterLinksToContentPage(string url)
    {
        // Act
        var page = await fixture.Client.GetDocumentAsync("/");

        // Assert
        Assert.NotNull(page.Document.QuerySelector($"footer a[href='{url}']"));
    }
}
