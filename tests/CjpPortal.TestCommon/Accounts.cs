using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using CjpPortal.Core.Identity;
using CjpPortal.Web;
using CjpPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CjpPortal.TestCommon;

/// <summary>Accounts for tests: invitations read back from the e-mail outbox, enrolled users, and signing in through
/// the real pages with a TOTP code computed here.</summary>
public static partial class Accounts
{
    public static readonly Uri BaseUri = new("http://localhost");

    private static readonly ConditionalWeakTable<PortalFactory, WebApplicationFactory<PortalOptions>> Hosts = [];

    /// <summary>The portal with the account forms' rate limit raised, so a test run's many sign-ins from one address
    /// are not refused. The host shares the fixture's database and clock and is disposed with the fixture's factory.</summary>
    public static WebApplicationFactory<PortalOptions> AccountsFactory(this PortalFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        return Hosts.GetValue(fixture.Factory, factory => factory.WithWebHostBuilder(builder =>
            builder.UseSetting(AccountRateLimiting.PermitLimitKey, "100000")));
    }

    /// <summary>Makes this fixture's hosts (the fixture's own and, if started, <see cref="AccountsFactory"/>'s) forget
    /// the account copies they keep (<see cref="Web.Infrastructure.Auth.AccountCache"/>), for test data written past
    /// EF's change tracking (ExecuteUpdate, TRUNCATE): each host would otherwise hear of it only from the database's
    /// notification, a little later, and a host forgets at once only what its own EF saves change.</summary>
    public static void ForgetAccountCopies(this PortalFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        fixture.Factory.Services.GetRequiredService<Web.Infrastructure.Auth.AccountCache>().Forget();
        if (Hosts.TryGetValue(fixture.Factory, out var accounts))
        {
            accounts.Services.GetRequiredService<Web.Infrastructure.Auth.AccountCache>().Forget();
        }
    }

    /// <summary>A client with its own cookies that does not follow redirects.</summary>
    public static HttpClient CreateAccountsClient(this PortalFixture fixture) =>
        fixture.AccountsFactory().CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Invites <paramref name="email"/> as the portal does and returns the link from the e-mail in the outbox.</summary>
    public static async Task<string> InviteAsync(this PortalFixture fixture, string email, string role = Roles.Coordinator, params string[] partnershipSlugs)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<InvitationService>().InviteAsync(email, role, BaseUri);
            await AssignAsync(scope.ServiceProvider, email, partnershipSlugs);
        }

        return await fixture.LatestInvitationLinkAsync(email);
    }

    /// <summary>The path of the invitation link in the newest e-mail sent to <paramref name="email"/>.</summary>
    public static async Task<string> LatestInvitationLinkAsync(this PortalFixture fixture, string email)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var body = await fixture.WithDbContextAsync(db => db.EmailOutbox
            .Where(e => e.To == email)
            .OrderByDescending(e => e.Id)
            .Select(e => e.TextBody)
            .FirstOrDefaultAsync());
        Assert.NotNull(body);
        var match = InvitationLink().Match(body);
        Assert.True(match.Success, $"No invitation link in the e-mail to {email}:\n{body}");
        return new Uri(match.Value).PathAndQuery;
    }

    /// <summary>An account with a password and an authenticator already set up; returns the authenticator key.</summary>
    public static async Task<string> CreateEnrolledUserAsync(this PortalFixture fixture, string email, string password, string? role = Roles.Coordinator, params string[] partnershipSlugs)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, LockoutEnabled = true };
        Check(await users.CreateAsync(user, password));
        if (role is not null)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole<Guid>(role)));
            }

            Check(await users.AddToRoleAsync(user, role));
        }

        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        await AssignAsync(scope.ServiceProvider, email, partnershipSlugs);
        return await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key.");
    }

    /// <summary>Signs in through /account/sign-in and, when <paramref name="authenticatorKey"/> is given, the two-factor
    /// step; returns the last response.</summary>
    public static async Task<HtmlPage> SignInAsync(this HttpClient client, string email, string password, string? authenticatorKey)
    {
        ArgumentNullException.ThrowIfNull(client);
        var form = await client.GetDocumentAsync("/account/sign-in");
        var afterPassword = await client.SubmitAsync(form, new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
        if (authenticatorKey is null || afterPassword.Response.Headers.Location?.OriginalString.StartsWith("/account/sign-in/two-factor", StringComparison.Ordinal) != true)
        {
            return afterPassword;
        }

        var codeForm = await client.GetDocumentAsync(afterPassword.Response.Headers.Location.OriginalString);
        return await client.SubmitAsync(codeForm, new Dictionary<string, string> { ["Code"] = Totp.Code(authenticatorKey) });
    }

    /// <summary>The sign-in cookie (all its chunks) that <paramref name="signedIn"/> set, as a Cookie header value: the
    /// copy an attacker would take from a shared computer or a stolen browser profile.</summary>
    public static string SignInCookie(this HtmlPage signedIn)
    {
        ArgumentNullException.ThrowIfNull(signedIn);
        var parts = (signedIn.Response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [])
            .Select(cookie => cookie.Split(';', 2)[0])
            .Where(pair => pair.StartsWith(SignInCookieName, StringComparison.Ordinal) && !pair.EndsWith('='))
            .ToList();
        Assert.NotEmpty(parts);
        return string.Join("; ", parts);
    }

    /// <summary>GETs <paramref name="url"/> from a client with no cookies of its own, sending <paramref name="cookie"/>.</summary>
    public static async Task<HttpResponseMessage> GetWithCookieAsync(this PortalFixture fixture, string url, string cookie)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        using var client = fixture.AccountsFactory().CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private const string SignInCookieName = "cjp-auth";

    private static async Task AssignAsync(IServiceProvider services, string email, string[] partnershipSlugs)
    {
        if (partnershipSlugs.Length == 0)
        {
            return;
        }

        var db = services.GetRequiredService<Core.AppDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var ids = await db.Partnerships.Where(p => partnershipSlugs.Contains(p.Slug)).Select(p => p.Id).ToListAsync();
        db.PartnershipCoordinators.AddRange(ids.Select(id => new PartnershipCoordinator { UserId = user.Id, PartnershipId = id }));
        await db.SaveChangesAsync();
    }

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));

    [GeneratedRegex(@"https?://\S+/account/invitation/[A-Za-z0-9_-]+")]
    private static partial Regex InvitationLink();
}
