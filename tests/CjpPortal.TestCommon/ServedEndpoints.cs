using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CjpPortal.TestCommon;

/// <summary>Every endpoint the portal serves, as a request to it sees it. The portal loads each Razor page when the
/// first request is routed to it (<c>PageLoading</c>), so the endpoints routing starts from carry a page's route but
/// not its page model's metadata ([AllowAnonymous], antiforgery, handlers, bound properties); these load each page as
/// that first request would and give the loaded page's endpoint in its place.</summary>
public static class ServedEndpoints
{
    /// <summary>Every route endpoint, pages loaded.</summary>
    public static async Task<List<RouteEndpoint>> AllAsync(IServiceProvider services) =>
        [.. (await WithPagesAsync(services)).Select(e => e.Endpoint)];

    /// <summary>Every page, loaded, with the endpoint requests to it are routed to.</summary>
    public static async Task<List<(RouteEndpoint Endpoint, CompiledPageActionDescriptor Page)>> PagesAsync(IServiceProvider services) =>
        [.. (await WithPagesAsync(services)).Where(e => e.Page is not null).Select(e => (e.Endpoint, e.Page!))];

    private static async Task<List<(RouteEndpoint Endpoint, CompiledPageActionDescriptor? Page)>> WithPagesAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var loader = services.GetRequiredService<PageLoader>();
        var all = new List<(RouteEndpoint, CompiledPageActionDescriptor?)>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page)
            {
                all.Add((endpoint, null));
                continue;
            }

            var loaded = page as CompiledPageActionDescriptor ?? await loader.LoadAsync(page, endpoint.Metadata);
            all.Add((loaded.Endpoint as RouteEndpoint ?? throw new InvalidOperationException($"The loaded page {page.ViewEnginePath} has no route endpoint."), loaded));
        }

        return all;
    }
}
