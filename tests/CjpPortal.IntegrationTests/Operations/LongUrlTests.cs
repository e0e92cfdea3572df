using System.Net;
using CjpPortal.TestCommon;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CjpPortal.IntegrationTests.Operations;

/// <summary>An over-long address gets the portal's own page. Kestrel answers a request line over its limit itself,
/// with an empty 414 that the app never sees, and the in-memory TestServer has no such limit, so these run on Kestrel.</summary>
public sealed class LongUrlTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    [Theory]
    [InlineData(20_000)]
    [InlineData(9_000)]
    public async Task Get_FindWithVeryLongQueryOnKestrel_Returns414PageWithAWayBack(int length)
    {
        // Arrange
        using var portal = Fixture.Factory.WithWebHostBuilder(_ => { });
        portal.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        portal.StartServer();
        using var client = new HttpClient { BaseAddress = ListeningAddress(portal.Services) };

        // Act
        var page = await client.GetDocumentAsync("/find?q=" + new string('a', length));

        // Assert
        Assert.Equal(HttpStatusCode.RequestUriTooLong, page.StatusCode);
        Assert.Equal("text/html", page.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Web address too long", page.One("h1").TextOf());
        Assert.NotNull(page.Document.QuerySelector("main a[href='/']"));
        Assert.NotNull(page.Document.QuerySelector("header .ds_site-branding"));
    }

    [Fact]
    public async Task Get_FindWithVeryLongQuery_Returns414Page()
    {
        // Act
        var page = await Fixture.Client.GetDocumentAsync("/find?q=" + new string('a', 20_000));

        // Assert
        Assert.Equal(HttpStatusCode.RequestUriTooLong, page.StatusCode);
        Assert.Equal("Web address too long", page.One("h1").TextOf());
    }

    [Fact]
    public async Task Get_FindWithOrdinaryQueryOnKestrel_IsAnswered()
    {
        // Arrange
        using var portal = Fixture.Factory.WithWebHostBuilder(_ => { });
        portal.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        portal.StartServer();
        using var client = new HttpClient { BaseAddress = ListeningAddress(portal.Services) };

        // Act
        var response = await client.GetAsync(new Uri("/find?q=" + new string('a', 2_000), UriKind.Relative));

        // Assert
        Assert.NotEqual(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.True((int)response.StatusCode < 500, $"Status {(int)response.StatusCode}");
    }

    private static Uri ListeningAddress(IServiceProvider services) =>
        new(services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)));
}
