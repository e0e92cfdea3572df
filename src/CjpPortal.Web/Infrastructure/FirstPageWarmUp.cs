using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CjpPortal.Web.Infrastructure;

/// <summary>Cold start: as soon as Kestrel listens, the portal requests one of its own pages that needs nothing from the
/// database (<see cref="Path"/>) over loopback, as a visitor would. The first page rendered in a process pays for
/// work every page shares and that is done once: the route matcher and link generator are built, and the layout, its
/// partial views and tag helpers are compiled into their activators. Done here, that runs on the core left free while
/// the partnership snapshot is still loading, instead of after it on the first visitor's request (bench/README.md).
/// Only plain-HTTP addresses are used; redirects are not followed (where HTTPS redirection or the allowed-hosts filter
/// answers first, nothing is rendered and nothing is gained); a failure is logged at debug level and changes
/// nothing.</summary>
public sealed class FirstPageWarmUp
{
    public const string Path = "/accessibility";

    private readonly TaskCompletionSource<HttpStatusCode?> answered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The status of the answer, once there is one; null when no request could be made (no plain-HTTP address,
    /// or the request failed). Never completes if <see cref="Register"/> was not called.</summary>
    public Task<HttpStatusCode?> Answered => answered.Task;

    public void Register(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(() => RequestAsync(app)));
    }

    private async Task RequestAsync(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        if (LoopbackAddress(addresses ?? []) is not { } address)
        {
            answered.TrySetResult(null);
            return;
        }

        try
        {
            using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, UseProxy = false };
            using var client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
            using var response = await client.GetAsync(Path, app.Lifetime.ApplicationStopping);
            answered.TrySetResult(response.StatusCode);
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
        {
            app.Logger.LogDebug(exception, "The start-up's request for {Path} failed", Path);
            answered.TrySetResult(null);
        }
    }

    /// <summary>The first plain-HTTP address Kestrel listens on, as a loopback address: a wildcard host (0.0.0.0,
    /// [::], + or *) becomes 127.0.0.1 or [::1], and localhost becomes 127.0.0.1. Null when there is none.</summary>
    public static Uri? LoopbackAddress(IEnumerable<string> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        foreach (var address in addresses)
        {
            // Uri does not accept the + and * wildcards Kestrel does.
            var parsed = address.Replace("://+:", "://0.0.0.0:", StringComparison.Ordinal).Replace("://*:", "://0.0.0.0:", StringComparison.Ordinal);
            if (!Uri.TryCreate(parsed, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
            {
                continue;
            }

            var host = uri.Host switch
            {
                "0.0.0.0" or "localhost" => "127.0.0.1",
                "[::]" => "[::1]",
                var other => other,
            };
            return new UriBuilder(Uri.UriSchemeHttp, host, uri.Port).Uri;
        }

        return null;
    }
}
