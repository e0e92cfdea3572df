namespace CjpPortal.Web.Infrastructure;

/// <summary>Outside Development and Testing every cookie the portal sets (sign-in, two-factor, antiforgery, TempData)
/// is marked Secure, whatever scheme the request arrived on. Behind a TLS-terminating proxy that is not listed in
/// Portal:KnownProxies or Portal:KnownNetworks the portal sees plain HTTP, and "Secure when the request was HTTPS"
/// would leave the sign-in cookie free to travel over an unencrypted connection. The cookie policy middleware applies
/// this to every cookie appended to a response, so a cookie added later is covered too. (Setting each cookie's own
/// SecurePolicy to Always instead would make antiforgery refuse every request that arrives as HTTP.)</summary>
public static class SecureCookies
{
    /// <summary>The environment the integration and browser tests run in (PortalFactory), over plain HTTP.</summary>
    public const string TestingEnvironment = "Testing";

    public static bool Required(IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return !environment.IsDevelopment() && !environment.IsEnvironment(TestingEnvironment);
    }

    public static void Add(IServiceCollection services, IHostEnvironment environment)
    {
        if (Required(environment))
        {
            services.Configure<CookiePolicyOptions>(options => options.Secure = CookieSecurePolicy.Always);
        }
    }
}
