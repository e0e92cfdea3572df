using System.Globalization;
using System.Net;
using CjpPortal.Core.Identity;
using CjpPortal.TestCommon;
using CjpPortal.Web.Infrastructure;
using CsvHelper;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CjpPortal.IntegrationTests.Operations;

/// <summary>Nothing the portal hands out points at the request's Host header: a forged Host (or a cache or proxy that
/// passes one on) must not turn the portal's links into links to another site.</summary>
[Collection(PortalCollection.Name)]
public sealed class HostHeaderTests(PortalFixture fixture)
{
    private const string ForgedHost = "evil.example";

    [Fact]
    public async Task Get_CsvWithForgedHost_PageLinksUseTheConfiguredAddress()
    {
        // Arrange
        using var portal = fixture.Factory.WithWebHostBuilder(builder => builder.UseSetting(PortalLinks.BaseUrlKey, "https://cjp.example.org"));
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Host = ForgedHost;

        // Act
        var response = await client.GetAsync(new Uri("/directory.csv", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var csv = new CsvReader(new StringReader(body), CultureInfo.InvariantCulture);
        var links = new List<string>();
        await csv.ReadAsync();
        csv.ReadHeader();
        while (await csv.ReadAsync())
        {
            links.Add(csv.GetField("Page")!);
        }

        Assert.Equal(30, links.Count);
        Assert.Contains("https://cjp.example.org/partnerships/falkirk", links);
        Assert.All(links, link => Assert.StartsWith("https://cjp.example.org/partnerships/", link, StringComparison.Ordinal));
        Assert.DoesNotContain(ForgedHost, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_SignedInPageAnonymouslyWithForgedHost_RedirectsToTheSignInPageOnThisSite()
    {
        // Arrange
        using var client = fixture.CreateClient();
        client.DefaultRequestHeaders.Host = ForgedHost;

        // Act
        var response = await client.GetAsync(new Uri("/manage/partnerships/falkirk", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in?ReturnUrl=%2Fmanage%2Fpartnerships%2Ffalkirk", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Get_ForbiddenPageWithForgedHost_RedirectsToTheStatusPageOnThisSite()
    {
        // Arrange: a coordinator opens a page for CJS staff
        using var client = await Manage.ManageUsers.SignInAsync(fixture, Roles.Coordinator, "falkirk");
        client.DefaultRequestHeaders.Host = ForgedHost;

        // Act
        var response = await client.GetAsync(new Uri("/national", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/status/403", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain(ForgedHost, response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}
