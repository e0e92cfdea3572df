namespace CjpPortal.Web.Infrastructure;

/// <summary>Only GET, HEAD and POST reach the portal. Razor Pages run a page for any method, with no handler for
/// TRACE, OPTIONS or PUT and so with an empty model; refusing every other method here, before routing, keeps each page
/// (and each page added later) from being run that way.</summary>
public static class AllowedMethods
{
    /// <summary>The Allow header of a refusal.</summary>
    public const string Allow = "GET, HEAD, POST";

    public static IApplicationBuilder UseAllowedMethods(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var method = context.Request.Method;
            if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsPost(method))
            {
                return next(context);
            }

            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = Allow;
            return Task.CompletedTask;
        });
}
