using System.Net;
using CjpPortal.Core.Identity;
using CjpPortal.TestCommon;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using static CjpPortal.IntegrationTests.Account.InvitationTests;

namespace CjpPortal.IntegrationTests.Account;

/// <summary>No page under /manage, /national or /admin opens on a password alone, whatever roles the account has,
/// however the page was added (the rule is checked per URL, not per folder).</summary>
[Collection(PortalCollection.Name)]
public sealed class TwoFactorRuleTests(PortalFixture fixture)
{
    private static readonly string[] EditingAreas = ["manage", "national", "admin"];

    [Fact]
    public async Task Get_EditingAreaPageSignedInWithPasswordOnly_IsForbidden()
    {
        // Arrange: an account with every role and a password but no authenticator, signed in with the password
        const string password = "sandstone pelican violin";
        var email = NewEmail();
        await fixture.InviteAsync(email, Roles.Coordinator, "falkirk");
        await fixture.InviteAsync(email, Roles.CjsStaff);
        var link = await fixture.InviteAsync(email, Roles.Administrator);
        using var client = fixture.CreateAccountsClient();
        var invitation = await client.GetDocumentAsync(link);
        await client.SubmitAsync(invitation, Fields(("Password", password), ("ConfirmPassword", password)));
        var urls = EditingAreaUrls();

        // Act / Assert
        Assert.Contains("/manage", urls);
        foreach (var url in urls)
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(
                response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Split('?')[0] == "/status/403",
                $"GET {url} with a password-only sign-in returned {(int)response.StatusCode} {response.Headers.Location}.");
        }
    }

    [Fact]
    public async Task Get_ManageAfterUserRemoved_SignsOutWithinAMinute()
    {
        // Arrange
        const string password = "copper meadow tortoise";
        var email = NewEmail();
        var key = await fixture.CreateEnrolledUserAsync(email, password, Roles.Coordinator);
        using var client = fixture.CreateAccountsClient();
        await client.SignInAsync(email, password, key);
        var before = await client.GetAsync(new Uri("/manage", UriKind.Relative));
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.DeleteAsync((await users.FindByEmailAsync(email))!);
        }

        var start = fixture.Clock.GetUtcNow();
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        HttpResponseMessage after;
        try
        {
            // Act
            after = await client.GetAsync(new Uri("/manage", UriKind.Relative));
        }
        finally
        {
            fixture.Clock.SetUtcNow(start);
        }

        // Assert
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/account/sign-in", after.Headers.Location?.OriginalString.Split('?')[0]);
    }

    [Fact]
    public async Task Post_SignOutWithoutAntiforgeryToken_Returns400AndStaysSignedIn()
    {
        // Arrange
        const string password = "lantern orchard penguin";
        var email = NewEmail();
        var key = await fixture.CreateEnrolledUserAsync(email, password, Roles.Coordinator);
        using var client = fixture.CreateAccountsClient();
        await client.SignInAsync(email, password, key);

        // Act
        var page = await client.PostFormAsync("/account/sign-out", []);
        var manage = await client.GetAsync(new Uri("/manage", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, manage.StatusCode);
    }

    private List<string> EditingAreaUrls() =>
        [.. fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.PathSegments is [{ Parts: [RoutePatternLiteralPart first, ..] }, ..]
                && EditingAreas.Contains(first.Content, StringComparer.OrdinalIgnoreCase))
            .Select(e => Url(e.RoutePattern))
            .Distinct()];

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
