namespace CjpPortal.Web.Infrastructure;

/// <summary>Cold start: the data-protection key ring (cookies, antiforgery, TempData, signed links) is read from the
/// database by the first request that protects or unprotects something, not while the portal starts. ASP.NET Core's
/// own hosted service reads it on the start-up thread before Kestrel listens; with the keys in PostgreSQL that is an
/// EF Core query and a connection, on the same two cores as the start-up and the first page. Public pages protect
/// nothing, so the first visitor does not wait for it; the first sign-in, form or signed-in page after a start waits
/// once (its read is the one every later request shares). A database that cannot be read then fails that request, as
/// it would fail any page that reads the database.</summary>
public static class KeyRingLoading
{
    private const string BuiltInPreload = "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService";

    /// <summary>Removes the built-in preload registered by <c>AddDataProtection</c>. Call it after everything that adds
    /// data protection (Identity, antiforgery), since each call adds the preload back. If a later ASP.NET Core renames
    /// it, it stays (start-up is slower, nothing else changes) and <c>KeyRingLoadingTests</c> fails.</summary>
    public static void OnFirstUse(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builtIn = services.FirstOrDefault(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.FullName == BuiltInPreload);
        if (builtIn is not null)
        {
            services.Remove(builtIn);
        }
    }
}
