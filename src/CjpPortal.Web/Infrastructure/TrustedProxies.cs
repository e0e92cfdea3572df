using System.Net;

namespace CjpPortal.Web.Infrastructure;

/// <summary>The reverse proxies (<c>Portal:KnownProxies</c>, IP addresses) and networks (<c>Portal:KnownNetworks</c>,
/// CIDR) whose X-Forwarded-For and X-Forwarded-Proto headers the portal believes. Each setting is a list
/// (<c>Portal__KnownProxies__0=10.0.0.5</c>) or one comma-separated value (<c>Portal__KnownProxies=10.0.0.5,10.0.0.6</c>).</summary>
public sealed class TrustedProxies
{
    public const string KnownProxiesKey = "Portal:KnownProxies";
    public const string KnownNetworksKey = "Portal:KnownNetworks";

    public IReadOnlyList<IPAddress> Addresses { get; }
    public IReadOnlyList<System.Net.IPNetwork> Networks { get; }
    public bool AnyConfigured => Addresses.Count > 0 || Networks.Count > 0;

    private TrustedProxies(IReadOnlyList<IPAddress> addresses, IReadOnlyList<System.Net.IPNetwork> networks) =>
        (Addresses, Networks) = (addresses, networks);

    /// <summary>Reads both settings; a value that is not an address or a network stops the portal from starting,
    /// since silently ignoring it would leave the rate limit keyed on the proxy's address.</summary>
    public static TrustedProxies Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var addresses = Values(configuration, KnownProxiesKey)
            .Select(text => IPAddress.TryParse(text, out var address)
                ? address
                : throw new InvalidOperationException($"{KnownProxiesKey} has '{text}', which is not an IP address (e.g. 10.0.0.5)."))
            .ToList();
        var networks = Values(configuration, KnownNetworksKey)
            .Select(text => System.Net.IPNetwork.TryParse(text, out var network)
                ? network
                : throw new InvalidOperationException($"{KnownNetworksKey} has '{text}', which is not a network in CIDR form (e.g. 10.0.0.0/8)."))
            .ToList();
        return new TrustedProxies(addresses, networks);
    }

    private static List<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var texts = section.Value is { } single ? [single] : section.GetChildren().Select(child => child.Value ?? string.Empty);
        return texts
            .SelectMany(text => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
    }
}
