using Microsoft.Extensions.Options;

namespace CjpPortal.Web.Infrastructure;

/// <summary>The portal's public address, for links sent by e-mail (invitations, password resets). It comes from
/// configuration (<c>Portal:BaseUrl</c>), not the request's Host header: a forged Host would otherwise send someone a
/// working link to another site. Outside Development and Testing the portal does not start without it.</summary>
public sealed class PortalLinks(IOptions<PortalLinks.Options> options)
{
    /// <summary>Configuration key for the address people reach the portal at (environment variable Portal__BaseUrl).</summary>
    public const string BaseUrlKey = "Portal:BaseUrl";

    public const string MissingBaseUrlMessage =
        "Set Portal:BaseUrl (environment variable Portal__BaseUrl) to the address people reach the portal at, an absolute " +
        "http or https URL such as https://cjp.example.org. E-mailed invitation and password reset links are built from it, " +
        "never from the request's Host header; outside Development and Testing the portal does not start without it.";

    /// <summary>Only the base address is bound here; the rest of the "Portal" section is <see cref="PortalOptions"/>.</summary>
    public sealed class Options
    {
        public string? BaseUrl { get; set; }
    }

    /// <summary>The configured address, or (when none is configured, as in development) the request's own.</summary>
    public Uri BaseUri(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Parse(options.Value.BaseUrl) ?? new Uri($"{request.Scheme}://{request.Host}/");
    }

    /// <summary>An absolute link to <paramref name="path"/> (a path from the site root, such as
    /// <c>/partnerships/falkirk</c>) at the configured address, for code that runs without a request: the mailer,
    /// scheduled reminders. Message classes in Core take links built here (or by <see cref="BaseUri"/> in a request)
    /// rather than depending on Web; with no <c>Portal:BaseUrl</c> there is no address to use, so this throws.</summary>
    public Uri Absolute(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal))
        {
            throw new ArgumentException("The path must start with a single '/'.", nameof(path));
        }

        var baseUri = Parse(options.Value.BaseUrl) ?? throw new InvalidOperationException(MissingBaseUrlMessage);
        return new Uri(baseUri, path.TrimStart('/'));
    }

    /// <summary><paramref name="value"/> as a base address ending in "/", or null unless it is an absolute http(s) URL.</summary>
    public static Uri? Parse(string? value) =>
        !string.IsNullOrWhiteSpace(value)
        && Uri.TryCreate(value.Trim().TrimEnd('/') + "/", UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !string.IsNullOrEmpty(uri.Host)
            ? uri
            : null;

    /// <summary>Development and the test host may fall back to the request's address; anywhere else (Production,
    /// Staging) must say where the portal lives.</summary>
    public static bool BaseUrlRequired(IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return !environment.IsDevelopment() && !environment.IsEnvironment("Testing");
    }

    /// <summary>Binds and checks the address; PortalServices registers <see cref="PortalLinks"/> itself.</summary>
    public static void AddOptions(IServiceCollection services, IConfiguration portalSection, IHostEnvironment environment)
    {
        var required = BaseUrlRequired(environment);
        services.AddOptions<Options>()
            .Bind(portalSection)
            .Validate(o => !required || Parse(o.BaseUrl) is not null, MissingBaseUrlMessage)
            // Checked when the web server starts; the migrate command runs without starting it and needs no address.
            .ValidateOnStart();
    }
}
