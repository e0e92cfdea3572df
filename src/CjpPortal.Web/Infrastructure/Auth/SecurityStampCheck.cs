using System.Security.Claims;
using CjpPortal.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CjpPortal.Web.Infrastructure.Auth;

/// <summary>Ends a session on the server at once (OWASP ASVS 3.3.1): on every request to a page that needs a
/// signed-in user, the security stamp in the cookie is compared with the account's current one, so a cookie from
/// before a sign-out, a password change or reset, a removal or an authenticator reset opens nothing.
/// <para>The current stamps are kept in memory by <see cref="AccountCache"/>, forgotten at once in the process that
/// changes one and, on every other instance, when the database's notification of the change arrives (milliseconds
/// after it commits); reading it from the database on every request was about a third of the CJS dashboard's cost
/// (bench/README.md). Identity's own check with an interval of zero would instead rebuild the principal (user, roles,
/// claims: several queries) and re-issue the cookie on every request. Identity's check still runs every minute after this one, to pick up changed roles. Public pages
/// ([AllowAnonymous]) are checked too: their header says who is signed in, which a cookie from before a sign-out must
/// not claim. Visitors without a cookie never reach this code, so the cached public pages they get cost nothing more;
/// and a refused cookie makes the request anonymous, which is then served the cached anonymous page.</para></summary>
public static class SecurityStampCheck
{
    /// <summary>Compiled once: asked once per account after each change to accounts.</summary>
    private static readonly Func<AppDbContext, Guid, CancellationToken, Task<string?>> StampOf =
        EF.CompileAsyncQuery((AppDbContext db, Guid userId, CancellationToken cancellationToken) =>
            db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefault());

    /// <summary>Wraps the cookie's principal validation (Identity's interval check) with the per-request stamp check.</summary>
    public static void Add(CookieAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var identityCheck = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = async context =>
        {
            if (await IsCurrentAsync(context) && IdentityCheckDue(context))
            {
                await identityCheck(context);
            }
        };
    }

    /// <summary>Whether Identity's own check (<see cref="SecurityStampValidator"/>) would do anything for this cookie:
    /// it does only once the cookie is older than its interval (or has no issue time), by the same rule as here. Asked
    /// first because merely calling it builds its validator, and with it a sign-in manager and a user manager, on every
    /// request; that was about a tenth of the CJS dashboard's cost (bench/README.md).</summary>
    internal static bool IdentityCheckDue(CookieValidatePrincipalContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var issued = context.Properties.IssuedUtc;
        var now = (options.TimeProvider ?? context.HttpContext.RequestServices.GetRequiredService<TimeProvider>()).GetUtcNow();
        return issued is not { } at || now - at > options.ValidationInterval;
    }

    private static async Task<bool> IsCurrentAsync(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        var claims = http.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var stamp = context.Principal?.FindFirstValue(claims.SecurityStampClaimType);
        if (Guid.TryParse(context.Principal?.FindFirstValue(claims.UserIdClaimType), out var userId) && stamp is not null)
        {
            var current = await http.RequestServices.GetRequiredService<AccountCache>().StampAsync(userId, () =>
                StampOf(http.RequestServices.GetRequiredService<AppDbContext>(), userId, http.RequestAborted));
            if (current is not null && string.Equals(current, stamp, StringComparison.Ordinal))
            {
                return true;
            }
        }

        context.RejectPrincipal();
        await http.SignOutAsync(IdentityConstants.ApplicationScheme);
        return false;
    }
}
