using System.Security.Claims;
using System.Text.Encodings.Web;
using CjpPortal.Core.Identity;
using CjpPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CjpPortal.TestCommon;

/// <summary>Signs a test client in as a user row without the password and authenticator pages (as TRS's
/// TestAuthentication does): a request carrying <see cref="Header"/> is authenticated as that user, with the roles
/// Identity would load and the second-factor claim a completed sign-in adds. Requests without the header go through
/// the real sign-in cookie, so the real flow stays under test in the account tests, the anonymous row of the
/// authorization matrix and the browser journeys.</summary>
public sealed class TestSignIn(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, IOptionsMonitor<CookieAuthenticationOptions> cookies)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string Header = "X-Test-User";

    public static void Add(IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TestSignIn>(SchemeName, _ => { });
        // Every operation of the sign-in cookie's scheme (authenticate, challenge, forbid) goes to this one when the
        // header is there, so the policies, the per-partnership check and antiforgery see the test user.
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, cookie =>
            cookie.ForwardDefaultSelector = context => context.Request.Headers.ContainsKey(Header) ? SchemeName : null);
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var value) || !Guid.TryParse(value, out var userId))
        {
            return AuthenticateResult.Fail($"{Header} must be a user id.");
        }

        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return AuthenticateResult.Fail($"No user {userId}.");
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(AuthorizationPolicies.AuthenticationMethodClaim, AuthorizationPolicies.MultiFactorMethod));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>What the cookie scheme does for a user who may not open a page: to the access-denied page.</summary>
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        RedirectAsync(cookies.Get(IdentityConstants.ApplicationScheme).AccessDeniedPath);

    /// <summary>What the cookie scheme does for a user it does not know (removed since the client was made): to sign-in.</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        RedirectAsync(cookies.Get(IdentityConstants.ApplicationScheme).LoginPath);

    private Task RedirectAsync(PathString path)
    {
        Response.Redirect($"{path}?ReturnUrl={Uri.EscapeDataString(Request.Path + Request.QueryString)}");
        return Task.CompletedTask;
    }
}

public static class TestSignInClients
{
    /// <summary>A client that does not follow redirects, signed in as <paramref name="userId"/> through
    /// <see cref="TestSignIn"/>.</summary>
    public static HttpClient CreateClientAs(this PortalFixture fixture, Guid userId)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var client = fixture.CreateAccountsClient();
        client.DefaultRequestHeaders.Add(TestSignIn.Header, userId.ToString());
        return client;
    }
}
