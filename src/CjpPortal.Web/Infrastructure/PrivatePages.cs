namespace CjpPortal.Web.Infrastructure;

/// <summary>The signed-in areas: pages that show antiforgery tokens, sign-in state or personal data next to text a
/// visitor can put in the request.</summary>
public static class PrivatePages
{
    public static readonly PathString[] Paths = ["/account", "/manage", "/national", "/admin"];

    public static bool IsPrivate(PathString path) => Array.Exists(Paths, p => path.StartsWithSegments(p));

    /// <summary>Every response of a signed-in area, its redirects and error pages included, is kept out of browser and
    /// proxy caches, so the back button or a shared computer does not show a signed-out user's pages. Decided on the
    /// path as requested, before an error or status page re-executes under its own path.</summary>
    public static IApplicationBuilder UseNoStoreOnPrivatePages(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (IsPrivate(context.Request.Path))
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.CacheControl = "no-store";
                    context.Response.Headers.Pragma = "no-cache";
                    return Task.CompletedTask;
                });
            }

            return next();
        });
}
