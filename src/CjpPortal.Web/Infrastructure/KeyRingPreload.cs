using Microsoft.AspNetCore.DataProtection;

namespace CjpPortal.Web.Infrastructure;

/// <summary>Cold start: loads the data-protection key ring (cookies, antiforgery, TempData) from the database while
/// the portal starts, as ASP.NET Core's own hosted service does, but on another thread. The built-in one loads it on
/// the start-up thread before Kestrel listens, and with the keys in PostgreSQL that is an EF Core query and the first
/// connection, which the first public page (it protects nothing) would wait for. A page that protects something before
/// the load ends waits for the same key ring; a failed load is only logged and the first such page tries again, as
/// with the built-in service.</summary>
public sealed partial class KeyRingPreload(IDataProtectionProvider provider, ILogger<KeyRingPreload> logger) : IHostedService
{
    private const string BuiltInPreload = "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService";

    /// <summary>Replaces the built-in preload registered by <c>AddDataProtection</c>; if a later ASP.NET Core has
    /// renamed it, the built-in one stays (start-up is slower, nothing else changes) and
    /// <c>StartupTests</c> fails.</summary>
    public static void Replace(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builtIn = services.FirstOrDefault(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.FullName == BuiltInPreload);
        if (builtIn is not null)
        {
            services.Remove(builtIn);
        }

        services.AddHostedService<KeyRingPreload>();
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(Load, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Load()
    {
        try
        {
            // Protecting anything reads the key ring (and creates the first key in an empty database).
            provider.CreateProtector(nameof(KeyRingPreload)).Protect([1]);
        }
        catch (Exception exception)
        {
            LogLoadFailed(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not load the data-protection key ring at start-up; the first page that needs it will try again")]
    private partial void LogLoadFailed(Exception exception);
}
