using CjpPortal.TestCommon;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace CjpPortal.IntegrationTests.Operations;

/// <summary>Deny by default: an endpoint is public only by an explicit [AllowAnonymous], and the public set is
/// the one listed here. A new public page belongs on this list; anything else must ask people to sign in.</summary>
[Collection(PortalCollection.Name)]
public sealed class AuthorizationTests(PortalFixture fixture)
{
    private static readonly string[] PublicRoutes =
    [
        "/",
        "/about",
        "/accessibility",
        // Accounts: signing in, and the links sent by e-mail, work before anyone is signed in.
        "/account/forgot-password",
        "/account/invitation/{token}",
        "/account/reset-password/{token}",
        "/account/sign-in",
        "/account/sign-in/two-factor",
        // Open Referral UK open data: read-only, no key (Api/OpenReferral).
        "/api/openreferral/v3/",
        "/api/openreferral/v3/openapi.json",
        "/api/openreferral/v3/service_at_locations",
        "/api/openreferral/v3/service_at_locations/{id}",
        "/api/openreferral/v3/services",
        "/api/openreferral/v3/services/{id}",
        "/api/openreferral/v3/taxonomies",
        "/api/openreferral/v3/taxonomies/{id}",
        "/api/openreferral/v3/taxonomy_terms",
        "/api/openreferral/v3/taxonomy_terms/{id}",
        // The calendar of meetings and consultation close dates for all of Scotland.
        "/calendar.ics",
        "/compare",
        "/consultations",
        "/directory",
        "/directory.csv",
        "/directory/editions",
        "/directory/editions/{year:int}",
        "/directory/editions/{year:int}.csv",
        // Published documents are public; the endpoint itself answers 404 for a draft's to anyone but its staff.
        "/documents/{id:int}/{fileName}",
        "/engagement",
        "/engagement.csv",
        "/error",
        "/find",
        "/health/live",
        "/health/ready",
        "/map",
        // Organisations add themselves without an account; edit, verify and yearly confirm links are signed (OrganisationLinks).
        "/organisations",
        "/organisations.csv",
        "/organisations/new",
        "/organisations/new/check-your-email",
        "/organisations/new/confirmed",
        "/organisations/{id:int}",
        "/organisations/{id:int}/confirm",
        "/organisations/{id:int}/edit",
        "/organisations/{id:int}/services/{serviceId:int?}",
        "/organisations/{id:int}/verify",
        "/participation-statements",
        "/participation-statements.csv",
        "/partnerships",
        "/partnerships/{slug}",
        "/partnerships/{slug}/calendar.ics",
        "/partnerships/{slug}/updates",
        "/partnerships/{slug}/updates.atom",
        "/privacy",
        // Anyone may report a problem with a partnership's page.
        "/report-a-problem",
        "/report-a-problem/sent",
        "/status/{code:int}",
        // Subscribing needs no account; the pages reached from e-mailed links are authorised by their signed token.
        "/subscribe",
        "/subscriptions/confirm",
        "/subscriptions/delete",
        "/subscriptions/manage",
        "/subscriptions/unsubscribe",
        // Published updates and meetings (a draft's id is not found), their feed and a meeting's calendar file.
        "/updates",
        "/updates.atom",
        "/updates/{id:int}",
        "/updates/{id:int}.ics",
        // The fallback that answers an unknown URL with the 404 page rather than a sign-in redirect.
        "/{*path}",
    ];

    [Fact]
    public async Task Get_EndpointsOpenToAnonymousUsers_AreExactlyThePublicPages()
    {
        // Act
        var open = (await EndpointsAsync()).Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(Route).Distinct().Order(StringComparer.Ordinal);

        // Assert
        Assert.Equal(PublicRoutes, open);
    }

    /// <summary>Every form is protected by antiforgery, except these. The error and status pages answer whatever
    /// request failed (a POST among them) and change nothing. One-click unsubscribe must take RFC 8058's POST from a
    /// mail provider, which has no cookie or form token; its signed token in the address is what authorises it.</summary>
    private static readonly string[] WithoutAntiforgery =
    [
        "/error",
        "/status/{code:int}",
        "/subscriptions/unsubscribe",
    ];

    [Fact]
    public async Task Post_PagesThatIgnoreAntiforgery_AreExactlyTheListedExceptions()
    {
        // Act
        var ignoring = (await EndpointsAsync())
            .Where(e => e.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryTokenAttribute>().Count > 0)
            .Select(Route).Distinct().Order(StringComparer.Ordinal);

        // Assert
        Assert.Equal(WithoutAntiforgery, ignoring);
    }

    [Fact]
    public async Task Get_AnyOtherEndpointAnonymously_AsksToSignIn()
    {
        // Arrange
        var protectedUrls = (await EndpointsAsync())
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is not { Count: > 0 } methods || methods.Contains("GET"))
            .Select(e => Url(e.RoutePattern))
            .Distinct()
            .ToList();

        // Act / Assert
        foreach (var url in protectedUrls)
        {
            var response = await fixture.Client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(
                (int)response.StatusCode is 302 or 401 or 403 && response.Headers.Location?.OriginalString.Contains("sign-in", StringComparison.Ordinal) != false,
                $"GET {url} by an anonymous user returned {(int)response.StatusCode} {response.Headers.Location}.");
        }
    }

    /// <summary>As requests see them: each page with its page model's metadata.</summary>
    private Task<List<RouteEndpoint>> EndpointsAsync() => ServedEndpoints.AllAsync(fixture.Factory.Services);

    private static string Route(RouteEndpoint endpoint) => "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');

    /// <summary>A URL the route matches, with every parameter filled in.</summary>
    private static string Url(RoutePattern pattern) =>
        "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter =>
                parameter.ParameterPolicies.Any(p => p.Content is "int" or "long") ? "1"
                : parameter.ParameterPolicies.Any(p => p.Content is "guid") ? Guid.Empty.ToString()
                : "falkirk",
            _ => string.Empty,
        }))));
}
