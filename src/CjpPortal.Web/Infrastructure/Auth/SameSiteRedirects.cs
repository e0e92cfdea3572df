using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace CjpPortal.Web.Infrastructure.Auth;

/// <summary>The cookie handler sends people to the sign-in and access-denied pages with an absolute URL built from the
/// request's Host header, so a forged Host (passed on by a proxy or a shared cache) would send them to another site.
/// Both pages are on this site, so the redirect is made relative: the browser stays wherever it already is.</summary>
public static class SameSiteRedirects
{
    public static void Add(IServiceCollection services) =>
        // PostConfigure, so whatever events the cookie options are given elsewhere are kept and wrapped.
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, options =>
        {
            var toLogin = options.Events.OnRedirectToLogin;
            var toAccessDenied = options.Events.OnRedirectToAccessDenied;
            options.Events.OnRedirectToLogin = context => toLogin(Relative(context));
            options.Events.OnRedirectToAccessDenied = context => toAccessDenied(Relative(context));
        });

    /// <summary>The redirect without the scheme and host the handler put in front of the local path.</summary>
    public static RedirectContext<CookieAuthenticationOptions> Relative(RedirectContext<CookieAuthenticationOptions> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var origin = $"{request.Scheme}://{request.Host}";
        if (context.RedirectUri.StartsWith(origin + "/", StringComparison.OrdinalIgnoreCase))
        {
            context.RedirectUri = context.RedirectUri[origin.Length..];
        }

        return context;
    }
}
