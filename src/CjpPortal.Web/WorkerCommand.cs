using CjpPortal.Core;
using CjpPortal.Core.Email;
using CjpPortal.Web.Infrastructure;
using Serilog;
using Serilog.Formatting.Compact;

namespace CjpPortal.Web;

/// <summary><c>dotnet CjpPortal.Web.dll worker</c>: the outbox dispatcher and the scheduler, with no web server, for deployments
/// that send mail from a separate process. It runs the dispatcher even where the web instances have
/// <c>Email:Dispatcher:Enabled=false</c>; several workers and web instances may send from one database at once.</summary>
public static class WorkerCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var web = ContentRoot.Options(args);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = web.Args, ContentRootPath = web.ContentRootPath });
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration, SerilogSettings.ReaderOptions)
            .Enrich.FromLogContext()
            .WriteTo.Console(new RenderedCompactJsonFormatter()), preserveStaticLogger: true);
        var connectionString = builder.Configuration.GetConnectionString("Default")
            ?? throw new InvalidOperationException("Set the connection string ConnectionStrings__Default (see README.md).");
        builder.Services.AddPortalCore(connectionString);
        // The scheduler's reminders link to the portal and read the annual return deadline, as in the web host.
        var portal = builder.Configuration.GetSection(PortalOptions.SectionName);
        builder.Services.Configure<PortalOptions>(portal);
        PortalLinks.AddOptions(builder.Services, portal, builder.Environment);
        builder.Services.AddSingleton<PortalLinks>();
        RefreshSettings.Add(builder.Services);
        builder.Services.PostConfigure<DispatcherOptions>(options => options.Enabled = true);
        using var host = builder.Build();
        await host.RunAsync();
        return 0;
    }
}
