using System.Net;
using CjpPortal.TestCommon;

namespace CjpPortal.IntegrationTests.Operations;

[Collection(PortalCollection.Name)]
public sealed class SecurityHeaderTests(PortalFixture fixture)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/directory.csv")]
    [InlineData("/health/live")]
    [InlineData("/no-such-page")]
    public async Task Get_AnyResponse_HasStrictSecurityHeaders(string url)
    {
        // Act
        var response = await fixture.Client.GetAsync(new Uri(url, UriKind.Relative));

        // Assert
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task Get_HomePage_HasNoInlineScriptOrStyle()
    {
        // Act
        var page = await fixture.Client.GetDocumentAsync("/");

        // Assert: the policy would block these, so the page must not depend on them.
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Empty(page.Document.QuerySelectorAll("script:not([src])"));
        Assert.Empty(page.Document.QuerySelectorAll("style"));
        Assert.Empty(page.Document.QuerySelectorAll("[style]"));
    }

    [Theory]
    [InlineData("/account/sign-in")]
    [InlineData("/account/forgot-password")]
    [InlineData("/manage")]
    [InlineData("/manage/partnerships/falkirk/history")]
    [InlineData("/national/coordinators")]
    [InlineData("/admin/staff")]
    [InlineData("/manage/no-such-page")]
    public async Task Get_SignedInAreaPageWhileSignedOut_IsNotStored(string url)
    {
        // Act
        var response = await fixture.Client.GetAsync(new Uri(url, UriKind.Relative));

        // Assert
        Assert.Equal("no-store", Header(response, "Cache-Control"));
    }

    [Theory]
    [InlineData("/manage")]
    [InlineData("/manage/partnerships/falkirk")]
    [InlineData("/manage/partnerships/falkirk/history")]
    [InlineData("/manage/partnerships/falkirk/details")]
    [InlineData("/manage/partnerships/orkney")]
    [InlineData("/account")]
    public async Task Get_SignedInAreaPageAsCoordinator_IsNotStored(string url)
    {
        // Arrange
        using var client = await Manage.ManageUsers.CoordinatorAsync(fixture);

        // Act
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        // Assert
        Assert.Equal("no-store", Header(response, "Cache-Control"));
    }

    [Fact]
    public async Task Get_PublicPage_MayBeStored()
    {
        // Act
        var response = await fixture.Client.GetAsync(new Uri("/partnerships/falkirk", UriKind.Relative));

        // Assert
        Assert.DoesNotContain("no-store", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"Response to {response.RequestMessage?.RequestUri} has no {name} header.");
}
