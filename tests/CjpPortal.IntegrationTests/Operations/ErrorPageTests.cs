using System.Net;
using CjpPortal.TestCommon;

namespace CjpPortal.IntegrationTests.Operations;

[Collection(PortalCollection.Name)]
public sealed class ErrorPageTests(PortalFixture fixture)
{
    [Fact]
    public async Task Get_UnknownUrl_Returns404PageWithLinkHome()
    {
        // Act
        var page = await fixture.Client.GetDocumentAsync("/no-such-page");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.StartsWith("text/html", page.Response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("h1"));
        Assert.NotEmpty(page.Document.QuerySelector("h1")!.TextOf());
        Assert.NotNull(page.Document.QuerySelector("main a[href='/']"));
    }
}
