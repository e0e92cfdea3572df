namespace CjpPortal.Web.Infrastructure.Validation;

/// <summary>A full http:// or https:// address with a host, for organisations' own websites (some small charities'
/// sites are not yet served over https; the portal's own published links stay https-only, <see cref="HttpsUrlAttribute"/>).</summary>
public sealed class WebAddressAttribute() : StringRuleAttribute(Message)
{
    public const string Message = "Enter the website as a full address starting with https:// or http://, like https://www.example.org";

    protected override bool Passes(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !string.IsNullOrEmpty(uri.Host);
}
