using System.Net;
using CjpPortal.TestCommon;
using Npgsql;

namespace CjpPortal.IntegrationTests.Operations;

[Collection(PortalCollection.Name)]
public sealed class ErrorPageTests(PortalFixture fixture)
{
    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/partnerships/falkirk/no-such-page")]
    [InlineData("/status/200")]
    public async Task Get_UnknownUrl_Returns404PageWithLinks(string url)
    {
        // Act
        var page = await fixture.Client.GetDocumentAsync(url);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Page not found", page.One("h1").TextOf());
        Assert.NotNull(page.Document.QuerySelector("main a[href='/partnerships']"));
        Assert.NotNull(page.Document.QuerySelector("main a[href='/']"));
    }

    [Fact]
    public async Task Post_UnknownUrl_Returns404PageNotAnEmptyBadRequest()
    {
        // Act
        var response = await fixture.Client.PostAsync(new Uri("/no-such-page", UriKind.Relative), new FormUrlEncodedContent([]));
        var page = await Html.ParseAsync(response);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("Page not found", page.One("h1").TextOf());
    }

    [Fact]
    public async Task Get_PageWhenDatabaseIsDown_Returns500PageWithReferenceAndNoDetail()
    {
        // Arrange: the same portal pointed at a database that does not exist.
        var missing = new NpgsqlConnectionStringBuilder(fixture.Database.ConnectionString) { Database = fixture.Database.Name + "_missing" };
        await using var factory = new PortalFactory(missing.ConnectionString, fixture.Clock, minimumLogLevel: "Fatal");
        using var client = factory.CreateClient();

        // Act
        var page = await client.GetDocumentAsync("/partnerships");

        // Assert
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.Equal("Sorry, there is a problem with the service", page.One("h1").TextOf());
        Assert.NotEmpty(page.One("#error-reference").TextOf());
        Assert.DoesNotContain("Npgsql", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("_missing", page.Text, StringComparison.Ordinal);
    }
}
