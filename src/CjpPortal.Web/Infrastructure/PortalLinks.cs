using CjpPortal.Web.Infrastructure.Auth;

namespace CjpPortal.Web.Infrastructure;

/// <summary>The portal's public address, for links sent by e-mail (invitations, password resets). It comes from
/// configuration (<c>Portal:BaseUrl</c>), not the request's Host header: a forged Host would otherwise send someone a
/// working link to another site.</summary>
public sealed class PortalLinks(IConfiguration configuration)
{
    /// <summary>The configured address, or (when none is configured, as in development) the request's own.</summary>
    public Uri BaseUri(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var configured = configuration[CreateAdminCommand.BaseUrlKey];
        return string.IsNullOrWhiteSpace(configured)
            ? new Uri($"{request.Scheme}://{request.Host}/")
            : new Uri(configured.TrimEnd('/') + "/");
    }
}
