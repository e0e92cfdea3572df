using System.Net;
using CjpPortal.TestCommon;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CjpPortal.IntegrationTests.Operations;

/// <summary>X-Forwarded-For and X-Forwarded-Proto are believed only from the proxies in Portal:KnownProxies and
/// Portal:KnownNetworks; otherwise a client could pick its own address and escape the per-address rate limit.</summary>
[Collection(PortalCollection.Name)]
public sealed class ForwardedHeadersTests(PortalFixture fixture)
{
    private const string Proxy = "10.0.0.5";

    [Fact]
    public async Task Post_ViaKnownProxyForTwoClients_EachClientHasItsOwnRateLimit()
    {
        // Arrange: 11 posts, more than one address may make in a minute, from two people behind the proxy.
        await using var portal = Portal(connectionFrom: Proxy, (Web.Infrastructure.TrustedProxies.KnownProxiesKey, Proxy));
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        // Act
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 11; attempt++)
        {
            statuses.Add(await PostSignInAsync(client, attempt % 2 == 0 ? "203.0.113.1" : "203.0.113.2"));
        }

        // Assert
        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.BadRequest, status));
    }

    [Fact]
    public async Task Post_ViaKnownNetwork_EachClientHasItsOwnRateLimit()
    {
        // Arrange
        await using var portal = Portal(connectionFrom: Proxy, (Web.Infrastructure.TrustedProxies.KnownNetworksKey, "10.0.0.0/24"));
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        // Act
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 11; attempt++)
        {
            statuses.Add(await PostSignInAsync(client, attempt % 2 == 0 ? "203.0.113.1" : "203.0.113.2"));
        }

        // Assert
        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.BadRequest, status));
    }

    [Fact]
    public async Task Post_NoKnownProxiesConfigured_ForwardedForIsIgnoredAndTheLimitHolds()
    {
        // Arrange: a client sends a different made-up address each time, hoping for a fresh allowance. It connects
        // from loopback, which ASP.NET Core's forwarded-headers defaults would trust.
        await using var portal = Portal(connectionFrom: "::1");
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        // Act
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 11; attempt++)
        {
            statuses.Add(await PostSignInAsync(client, $"203.0.113.{attempt + 1}"));
        }

        // Assert
        Assert.All(statuses.Take(10), status => Assert.Equal(HttpStatusCode.BadRequest, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
    }

    [Fact]
    public async Task Post_FromAnAddressThatIsNotAKnownProxy_ForwardedForIsIgnoredAndTheLimitHolds()
    {
        // Arrange
        await using var portal = Portal(connectionFrom: "198.51.100.7", (Web.Infrastructure.TrustedProxies.KnownProxiesKey, Proxy));
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        // Act
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 11; attempt++)
        {
            statuses.Add(await PostSignInAsync(client, $"203.0.113.{attempt + 1}"));
        }

        // Assert
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
    }

    [Theory]
    [InlineData(Proxy, "secure")]
    [InlineData("198.51.100.7", null)]
    public async Task Get_ForwardedProtoHttps_CookiesAreSecureOnlyWhenAKnownProxySaysSo(string connectionFrom, string? expected)
    {
        // Arrange: TLS ends at the proxy, which tells the portal the visitor used HTTPS.
        await using var portal = Portal(connectionFrom, (Web.Infrastructure.TrustedProxies.KnownProxiesKey, Proxy));
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/account/sign-in", UriKind.Relative));
        request.Headers.Add("X-Forwarded-For", "203.0.113.1");
        request.Headers.Add("X-Forwarded-Proto", "https");

        // Act
        var response = await client.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var antiforgeryCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("cjp-antiforgery=", StringComparison.Ordinal));
        Assert.Equal(expected, antiforgeryCookie.Split(';', StringSplitOptions.TrimEntries).FirstOrDefault(part => part == "secure"));
    }

    private WebApplicationFactory<Web.PortalOptions> Portal(string connectionFrom, params (string Key, string Value)[] settings) =>
        fixture.Factory.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            // TestServer leaves the connection's address empty, and the forwarded-headers middleware trusts the first
            // hop when it is empty; give every request the address a proxy (or a client) would connect from.
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new ConnectionFrom(IPAddress.Parse(connectionFrom))));
        });

    private static async Task<HttpStatusCode> PostSignInAsync(HttpClient client, string forwardedFor)
    {
        // No antiforgery token: the post is refused (400) after the rate limiter has counted it.
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/account/sign-in", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create("Email", "nobody@example.org"), KeyValuePair.Create("Password", "whatever it is")]),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return (await client.SendAsync(request)).StatusCode;
    }

    private sealed class ConnectionFrom(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
