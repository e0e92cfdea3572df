using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace CjpPortal.Web.Infrastructure;

/// <summary>An over-long address gets the portal's own "Web address too long" page (414), not a blank one. Kestrel
/// refuses a request line longer than its MaxRequestLineSize (8 KB by default) itself, with an empty 414 that no
/// middleware sees; so Kestrel's limit is raised to <see cref="KestrelRequestLineBytes"/>, and the portal refuses
/// targets over <see cref="MaxTargetLength"/> here, after UseStatusCodePagesWithReExecute, which renders the page.
/// Beyond Kestrel's raised limit (and beyond a reverse proxy's own, often 8 KB) the answer is still the server's.</summary>
public static class RequestLimits
{
    /// <summary>Kestrel's default request-line limit, so every address that was answered before still is.</summary>
    public const int MaxTargetLength = 8 * 1024;

    /// <summary>What Kestrel reads before giving up on a request line (or, over HTTP/2, one header such as :path).</summary>
    public const int KestrelRequestLineBytes = 64 * 1024;

    public static void ConfigureKestrel(KestrelServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Limits.MaxRequestLineSize = KestrelRequestLineBytes;
        options.Limits.Http2.MaxRequestHeaderFieldSize = KestrelRequestLineBytes;
    }

    public static IApplicationBuilder UseRequestTargetLimit(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Path and query rather than the raw target: the status page's re-execution changes them, not the raw target.
            var length = (context.Request.Path.Value?.Length ?? 0) + (context.Request.QueryString.Value?.Length ?? 0);
            if (length > MaxTargetLength)
            {
                context.Response.StatusCode = StatusCodes.Status414UriTooLong;
                return Task.CompletedTask;
            }

            return next(context);
        });
}
