using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace CjpPortal.Web.Infrastructure.Auth;

/// <summary>Antiforgery with the form token of a recently seen antiforgery cookie and user kept in this process for a
/// minute. Every signed-in page carries the sign-out form, so every page read the antiforgery cookie (verified and
/// decrypted with a key derived for the purpose) and encrypted a new form token: about a sixth of the CJS dashboard's
/// cost (bench/README.md). A form token is valid for exactly one cookie token and one user (the first signed-in identity's
/// <c>sub</c>, name identifier or UPN claim, as ASP.NET Core binds it), and any number of tokens made for that pair are
/// equally valid, so the page is given one made earlier for the same pair. Only what ASP.NET Core made for a request
/// whose cookie it accepted is kept (no new cookie was needed), under the cookie's exact text and the user's claim, so a
/// forged cookie or another user never matches. Checking a posted form is not changed; neither is anything else.</summary>
public sealed class KeptAntiforgeryTokens(IAntiforgery inner, IOptions<AntiforgeryOptions> options, TimeProvider clock) : IAntiforgery
{
    /// <summary>How long a form token is handed out again.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(1);

    /// <summary>At most this many cookie and user pairs are kept; when there are more, all are dropped.</summary>
    public const int MaxEntries = 4096;

    private readonly ExpiringCache<(string Cookie, string User), AntiforgeryTokenSet> kept = new(MaxEntries, KeptFor, clock);

    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var key = KeyOf(httpContext);
        if (key is { } found && kept.TryGet(found, out var keptTokens))
        {
            // As ASP.NET Core does: a page with a form token must never be cached.
            if (!httpContext.Response.HasStarted)
            {
                httpContext.Response.Headers.CacheControl = "no-cache, no-store";
                httpContext.Response.Headers.Pragma = "no-cache";
            }

            return keptTokens;
        }

        var tokens = inner.GetAndStoreTokens(httpContext);
        // A new cookie token means the request's cookie was missing or refused: nothing is kept for it.
        if (key is { } accepted && tokens.CookieToken is null && tokens.RequestToken is not null)
        {
            kept.Set(accepted, tokens);
        }

        return tokens;
    }

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => inner.GetTokens(httpContext);

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);

    /// <summary>The request's antiforgery cookie and what a form token is bound to: nothing for a visitor who is not
    /// signed in, else the claim ASP.NET Core takes (the first signed-in identity with a <c>sub</c>, name identifier or
    /// UPN claim). Null, and nothing kept, without a cookie or when a signed-in user has none of those claims (ASP.NET
    /// Core then binds the token to all the claims).</summary>
    private (string Cookie, string User)? KeyOf(HttpContext httpContext)
    {
        var name = options.Value.Cookie.Name;
        var cookie = name is null ? null : httpContext.Request.Cookies[name];
        if (string.IsNullOrEmpty(cookie))
        {
            return null;
        }

        var anySignedIn = false;
        foreach (var identity in httpContext.User.Identities)
        {
            if (!identity.IsAuthenticated)
            {
                continue;
            }

            anySignedIn = true;
            var claim = First(identity, "sub") ?? First(identity, ClaimTypes.NameIdentifier) ?? First(identity, ClaimTypes.Upn);
            if (claim is not null)
            {
                return (cookie, claim.Type + "\n" + claim.Value + "\n" + claim.Issuer);
            }
        }

        return anySignedIn ? null : (cookie, string.Empty);
    }

    private static Claim? First(ClaimsIdentity identity, string type) =>
        identity.FindFirst(c => string.Equals(c.Type, type, StringComparison.Ordinal) && !string.IsNullOrEmpty(c.Value));

    /// <summary>Wraps the antiforgery service registered by <c>AddAntiforgery</c> (call after it).</summary>
    public static void Add(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IAntiforgery) && d.ImplementationType is not null)
            ?? throw new InvalidOperationException("AddAntiforgery must be called before KeptAntiforgeryTokens.Add.");
        var implementation = registered.ImplementationType!;
        services.Remove(registered);
        services.AddSingleton<IAntiforgery>(provider => new KeptAntiforgeryTokens(
            (IAntiforgery)ActivatorUtilities.CreateInstance(provider, implementation),
            provider.GetRequiredService<IOptions<AntiforgeryOptions>>(),
            provider.GetRequiredService<TimeProvider>()));
    }
}
