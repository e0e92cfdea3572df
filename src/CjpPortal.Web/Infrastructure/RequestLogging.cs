using Serilog.AspNetCore;
using Serilog.Core;
using Serilog.Events;

namespace CjpPortal.Web.Infrastructure;

/// <summary>One log line per request (Serilog's request logging): method, route template, status and time taken.
/// Never the query string or form values, and the route template rather than the path wherever one matched, because
/// invitation and password-reset tokens are path segments (<c>/account/invitation/{token}</c>) and the template also
/// groups a page's requests.</summary>
public static class RequestLogging
{
    /// <summary>The property that carries the request's path: Serilog's request line and ASP.NET Core's logging scope
    /// both use this name.</summary>
    public const string PathProperty = "RequestPath";

    private static readonly PathString AccountPath = "/account";

    public static void Configure(RequestLoggingOptions options, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(options);
        // The host's logger, not Serilog's static one: tests run several hosts in one process.
        options.Logger = services.GetRequiredService<Serilog.ILogger>();
        options.IncludeQueryInRequestPath = false;
        options.GetMessageTemplateProperties = (context, _, elapsedMilliseconds, statusCode) =>
        [
            new LogEventProperty("RequestMethod", new ScalarValue(context.Request.Method)),
            new LogEventProperty(PathProperty, new ScalarValue(PathOf(context))),
            new LogEventProperty("StatusCode", new ScalarValue(statusCode)),
            new LogEventProperty("Elapsed", new ScalarValue(elapsedMilliseconds)),
        ];
    }

    /// <summary>The matched endpoint's route template ("/partnerships/{slug}"); without one (static files), the path
    /// without its query string, except below /account, whose paths may hold a token.</summary>
    public static string PathOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } template })
        {
            return "/" + template.TrimStart('/');
        }

        var path = context.Request.PathBase.Add(context.Request.Path);
        return path.StartsWithSegments(AccountPath, out var rest) && rest.HasValue ? $"{AccountPath}/…" : path.Value ?? "/";
    }
}

/// <summary>Gives every event logged during a request (an antiforgery warning, say) the same path as the request
/// line, in place of the raw path that ASP.NET Core's logging scope adds.</summary>
public sealed class RequestPathEnricher(IHttpContextAccessor httpContextAccessor) : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        if (logEvent.Properties.ContainsKey(RequestLogging.PathProperty) && httpContextAccessor.HttpContext is { } context)
        {
            logEvent.AddOrUpdateProperty(new LogEventProperty(RequestLogging.PathProperty, new ScalarValue(RequestLogging.PathOf(context))));
        }
    }
}
