using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Infrastructure.Map;
using CjpPortal.Web.Queries;

namespace CjpPortal.Web;

/// <summary>The web app's own services (Core's come from <c>AddPortalCore</c>), in one place so tests and the host register the same set.</summary>
public static class PortalServices
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<DirectoryQueries>();
        services.AddScoped<HistoryQueries>();
        services.AddSingleton<AreaIndex>();
        services.AddSingleton<DirectorySnapshotCache>();
        services.AddSingleton<ScotlandMap>();
        services.AddSingleton<PortalLinks>();
        services.AddHostedService<PublicCacheListener>();
    }
}
