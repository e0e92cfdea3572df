using System.ComponentModel.DataAnnotations;

namespace CjpPortal.Web.Infrastructure.Validation;

/// <summary>A full https:// address with a host, as the portal publishes links; blank passes.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class HttpsUrlAttribute() : ValidationAttribute(Message)
{
    public const string Message = "Enter the website as a full address starting with https://, like https://www.example.org";

    /// <summary>A longer address gets the same message, for forms that do not explain the limit separately.</summary>
    public int MaxLength { get; init; } = int.MaxValue;

    public override bool IsValid(object? value) =>
        value is null || (value is string text && text.Length <= MaxLength && IsHttpsUrl(text));

    public static bool IsHttpsUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host);
}
