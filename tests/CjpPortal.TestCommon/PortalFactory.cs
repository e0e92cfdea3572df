using CjpPortal.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CjpPortal.TestCommon;

/// <summary>The portal in memory, on a test database and a fixed clock. Program.cs is top-level statements, so a
/// public type from the web assembly stands in as the entry point. Tests that break the app on purpose (no database)
/// pass <paramref name="minimumLogLevel"/> "Fatal" so the errors they expect do not bury real failures in the output.</summary>
public sealed class PortalFactory(string connectionString, TimeProvider clock, string minimumLogLevel = "Warning") : WebApplicationFactory<PortalOptions>
{
    public const string EnvironmentName = "Testing";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting (not ConfigureAppConfiguration) so the values are there while PortalHost registers services.
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("ConnectionStrings:Default", connectionString);
        builder.UseSetting("Portal:DemoMode", "true");
        builder.UseSetting("Portal:MigrateOnStartup", "false");
        builder.UseSetting("Portal:DisableHttpsRedirection", "true");
        // The fixture migrates and seeds after the host has started; a snapshot loaded at start-up could predate the seed.
        builder.UseSetting("Portal:LoadSnapshotOnStartup", "false");
        builder.UseSetting("Portal:RequestFirstPageOnStartup", "false");
        // Settings reach the app as command-line arguments, parent sections included, so the whole level is set here.
        builder.UseSetting("Serilog:MinimumLevel", minimumLogLevel);
        // Tests send the outbox themselves (OutboxDispatcher.SendDueAsync), when and where they choose.
        builder.UseSetting("Email:Dispatcher:Enabled", "false");
        builder.UseSetting("Scheduler:Enabled", "false");
        // Test clients all come from one address; the subscription tests post the form more often than a person would
        // (RateLimitTests checks the limit on a host of its own).
        builder.UseSetting("Portal:SubscribePostsPerMinute", "10000");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(clock);
            TestSignIn.Add(services);
        });
    }
}
