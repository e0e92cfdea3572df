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

    public enum Outage
    {
        ServerNotListening,
        DatabaseDropped,
    }

    [Theory]
    [InlineData(Outage.ServerNotListening, "/partnerships/falkirk")]
    [InlineData(Outage.DatabaseDropped, "/partnerships/falkirk")]
    [InlineData(Outage.ServerNotListening, "/partnerships")]
    public async Task Get_PageWhenDatabaseIsDown_Returns503ServiceUnavailablePageWithRetryAfter(Outage outage, string url)
    {
        // Arrange: the same portal pointed at a server that is not there, or a database that has gone.
        await using var factory = new PortalFactory(ConnectionString(outage), fixture.Clock, minimumLogLevel: "Fatal");
        using var client = factory.CreateClient();

        // Act
        var page = await client.GetDocumentAsync(url);

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.True(page.Response.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {page.Response.Headers.RetryAfter}");
        Assert.Equal("text/html", page.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Sorry, the service is unavailable", page.One("h1").TextOf());
        Assert.DoesNotContain("Npgsql", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("_missing", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_LiveWhenDatabaseIsDown_Returns200()
    {
        // Arrange
        await using var factory = new PortalFactory(ConnectionString(Outage.ServerNotListening), fixture.Clock, minimumLogLevel: "Fatal");
        using var client = factory.CreateClient();

        // Act
        var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_PageWhenTheDatabaseAnswersWithAnError_Returns500PageWithReferenceAndNoDetail()
    {
        // Arrange: a database that answers but has no tables, so the query fails: a fault, not an outage.
        await using var empty = await TestDatabase.CreateAsync("cjp_test_empty");
        await using var factory = new PortalFactory(empty.ConnectionString, fixture.Clock, minimumLogLevel: "Fatal");
        using var client = factory.CreateClient();

        // Act
        var page = await client.GetDocumentAsync("/partnerships");

        // Assert
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.Null(page.Response.Headers.RetryAfter);
        Assert.Equal("Sorry, there is a problem with the service", page.One("h1").TextOf());
        Assert.NotEmpty(page.One("#error-reference").TextOf());
        Assert.DoesNotContain("Npgsql", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("cjp_test_empty", page.Text, StringComparison.Ordinal);
    }

    private string ConnectionString(Outage outage)
    {
        var builder = new NpgsqlConnectionStringBuilder(fixture.Database.ConnectionString);
        if (outage == Outage.DatabaseDropped)
        {
            builder.Database = fixture.Database.Name + "_missing";
        }
        else
        {
            builder.Host = "127.0.0.1";
            builder.Port = ClosedPort();
        }

        return builder.ConnectionString;
    }

    /// <summary>A local port that nothing listens on: one the system just handed out and that has been let go.</summary>
    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
