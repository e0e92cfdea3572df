using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CjpPortal.BrowserTests.Infrastructure;

/// <summary>The real portal (Program.cs, PortalHost) with test settings, served by Kestrel on the loopback.</summary>
internal sealed class PortalFactory(string connectionString) : WebApplicationFactory<Web.PortalOptions>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // "Testing", not "Development": the pipeline runs as in production (no developer exception page).
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", connectionString);
        builder.UseSetting("Portal:DemoMode", "true");
        builder.UseSetting("Portal:MigrateOnStartup", "true");
        builder.UseSetting("Portal:DisableHttpsRedirection", "true");
        // The request log's line per page, script and image would bury a failing journey's output.
        builder.UseSetting("Serilog:MinimumLevel", "Warning");
        // The journeys read the outbox table; nothing is sent from a test host.
        builder.UseSetting("Email:Dispatcher:Enabled", "false");
    }
}
