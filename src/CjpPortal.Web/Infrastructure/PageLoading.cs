using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CjpPortal.Web.Infrastructure;

/// <summary>Cold start: each Razor page is loaded (its page model's handlers, bound properties, filters and model
/// metadata read, the portal's page conventions applied) by the first request routed to it, not all of them while the
/// portal starts. With build-time compiled pages, ASP.NET Core's <see cref="CompiledPageActionDescriptorProvider"/>
/// loads every page when the endpoints are first built, on the start-up thread before Kestrel listens: about half of
/// that thread's work for the portal's 150 pages (bench/README.md). <see cref="PageActionDescriptorProvider"/>, the
/// provider ASP.NET Core uses when pages are compiled at run time, gives the same routes unloaded; <see cref="LoadMatchedPage"/>
/// then loads the matched page (ASP.NET Core's <see cref="PageLoader"/>: once per page, shared by concurrent requests)
/// and routes the request to the loaded page's endpoint, with its metadata ([AllowAnonymous], [Authorize] and the
/// rest), before authorization or anything else reads it. ASP.NET Core has such a policy only in its runtime
/// compilation package, which the portal does not use. The tests that check every page's handlers and bindings
/// load every page the same way (<c>ServedEndpoints</c> in the tests).</summary>
public static class PageLoading
{
    /// <summary>Replaces the provider that loads every page at start-up with the one that leaves it to the first
    /// request. Call it after <c>AddRazorPages</c>. If a later ASP.NET Core no longer registers the compiled provider,
    /// nothing is replaced and <c>PageLoadingTests</c> fails.</summary>
    public static void OnFirstRequest(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var eager = services.Where(d => d.ServiceType == typeof(IActionDescriptorProvider) && d.ImplementationType == typeof(CompiledPageActionDescriptorProvider)).ToList();
        if (eager.Count == 0)
        {
            return;
        }

        foreach (var descriptor in eager)
        {
            services.Remove(descriptor);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActionDescriptorProvider, PageActionDescriptorProvider>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, LoadMatchedPage>());
    }

    /// <summary>Routing's last step for a page that is not loaded yet: loads it and puts the loaded page's endpoint in
    /// place of the unloaded one. The routes, route values and names of both are the same (they come from the page's
    /// route model, which needs no loading), so matching and link generation are not affected. The page model's
    /// metadata is not available to routing's own decision tree, which is built from the unloaded endpoints; nothing
    /// the portal puts on a page model (authorization, output caching) is read there.</summary>
    public sealed class LoadMatchedPage(PageLoader loader) : MatcherPolicy, IEndpointSelectorPolicy
    {
        /// <summary>Before the other endpoint selector policies, which may read the page's metadata.</summary>
        public override int Order => int.MinValue + 100;

        public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints)
        {
            ArgumentNullException.ThrowIfNull(endpoints);
            return endpoints.Any(e => Unloaded(e) is not null);
        }

        public async Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
        {
            ArgumentNullException.ThrowIfNull(candidates);
            for (var i = 0; i < candidates.Count; i++)
            {
                if (candidates.IsValidCandidate(i) && Unloaded(candidates[i].Endpoint) is { } page)
                {
                    var endpoint = candidates[i].Endpoint;
                    var loaded = loader.LoadAsync(page, endpoint.Metadata);
                    var compiled = loaded.IsCompletedSuccessfully ? loaded.Result : await loaded;
                    candidates.ReplaceEndpoint(i, compiled.Endpoint, candidates[i].Values);
                }
            }
        }

        private static PageActionDescriptor? Unloaded(Endpoint endpoint) =>
            endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page and not CompiledPageActionDescriptor ? page : null;
    }
}
