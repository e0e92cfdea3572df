using System.Net;
using CjpPortal.Core.Identity;
using CjpPortal.TestCommon;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static CjpPortal.IntegrationTests.Account.InvitationTests;

namespace CjpPortal.IntegrationTests.Account;

/// <summary>A session ends on the server, not only in the browser: a copy of the sign-in cookie taken before
/// signing out, or before the account's security stamp changed, opens nothing afterwards (OWASP ASVS 3.3.1).</summary>
[Collection(PortalCollection.Name)]
public sealed class SessionTests(PortalFixture fixture)
{
    private const string Password = "granite puffin lantern";

    [Fact]
    public async Task Post_SignOut_CopiedCookieIsRefusedAtOnce()
    {
        // Arrange
        var email = NewEmail();
        var key = await fixture.CreateEnrolledUserAsync(email, Password, Roles.Coordinator);
        using var client = fixture.CreateAccountsClient();
        var copied = (await client.SignInAsync(email, Password, key)).SignInCookie();
        var beforeSignOut = await fixture.GetWithCookieAsync("/manage", copied);
        var signOut = await client.GetDocumentAsync("/account/sign-out");

        // Act
        var signedOut = await client.SubmitAsync(signOut, Fields());
        var replayed = await fixture.GetWithCookieAsync("/manage", copied);

        // Assert
        Assert.Equal(HttpStatusCode.OK, beforeSignOut.StatusCode);
        Assert.Equal("/account/sign-in", signedOut.Response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/account/sign-in", replayed.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AfterSecurityStampChanged_CopiedCookieIsRefusedAtOnce()
    {
        // Arrange: what a password change, a removal or an authenticator reset does to the account
        var email = NewEmail();
        var key = await fixture.CreateEnrolledUserAsync(email, Password, Roles.Coordinator);
        using var client = fixture.CreateAccountsClient();
        var copied = (await client.SignInAsync(email, Password, key)).SignInCookie();
        var before = await fixture.GetWithCookieAsync("/manage", copied);
        // Through the host that serves the copied cookie: "at once" is this instance; another instance hears of it
        // within moments (InstancesTests).
        await using (var scope = fixture.AccountsFactory().Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByEmailAsync(email))!);
        }

        // Act: no clock moved, so Identity's once-a-minute check has not come round yet
        var replayed = await fixture.GetWithCookieAsync("/manage", copied);
        var account = await fixture.GetWithCookieAsync("/account", copied);

        // Assert
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/account/sign-in", replayed.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
        Assert.StartsWith("/account/sign-in", account.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ManageWithCurrentCookie_StaysSignedInAfterIdentityRefreshesThePrincipal()
    {
        // Arrange: the per-request stamp check must not lose the second-factor claim or the roles
        var email = NewEmail();
        var key = await fixture.CreateEnrolledUserAsync(email, Password, Roles.Coordinator);
        using var client = fixture.CreateAccountsClient();
        await client.SignInAsync(email, Password, key);
        var first = await client.GetAsync(new Uri("/manage", UriKind.Relative));
        var start = fixture.Clock.GetUtcNow();
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        HttpResponseMessage later;
        try
        {
            // Act
            later = await client.GetAsync(new Uri("/manage", UriKind.Relative));
        }
        finally
        {
            fixture.Clock.SetUtcNow(start);
        }

        var again = await client.GetAsync(new Uri("/manage", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Get_AfterRoleRemoved_OpenSessionLosesItWithinTheRefreshInterval()
    {
        // Arrange: a role change leaves the security stamp as it is, so only Identity's once-a-minute refresh of the
        // principal carries it to an open session
        var email = NewEmail();
        var key = await fixture.CreateEnrolledUserAsync(email, Password, Roles.CjsStaff);
        using var client = fixture.CreateAccountsClient();
        await client.SignInAsync(email, Password, key);
        var before = await client.GetAsync(new Uri("/national/dashboard", UriKind.Relative));
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.RemoveFromRoleAsync((await users.FindByEmailAsync(email))!, Roles.CjsStaff);
        }

        var withinTheMinute = await client.GetAsync(new Uri("/national/dashboard", UriKind.Relative));
        var start = fixture.Clock.GetUtcNow();
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        HttpResponseMessage afterIt;
        try
        {
            // Act
            afterIt = await client.GetAsync(new Uri("/national/dashboard", UriKind.Relative));
        }
        finally
        {
            fixture.Clock.SetUtcNow(start);
        }

        // Assert
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withinTheMinute.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, afterIt.StatusCode);
    }
}
