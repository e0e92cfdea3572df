namespace CjpPortal.Web.Infrastructure.Validation;

/// <summary>A full https:// address with a host, as the portal publishes links.</summary>
public sealed class HttpsUrlAttribute() : StringRuleAttribute(Message)
{
    public const string Message = "Enter the website as a full address starting with https://, like https://www.example.org";

    protected override bool Passes(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host);
}
