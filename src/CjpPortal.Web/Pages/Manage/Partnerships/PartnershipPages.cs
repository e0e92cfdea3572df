using System.Security.Claims;
using CjpPortal.Core.Audit;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CjpPortal.Web.Pages.Manage.Partnerships;

/// <summary>What the pages for editing one partnership share. The PartnershipEditor policy on the folder has already
/// checked that the user may edit the partnership in the URL.</summary>
public static class PartnershipPages
{
    public const string BannerKey = "Banner";

    public static string Overview(string slug) => $"/manage/partnerships/{slug}";

    public static AuditActor Actor(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return new AuditActor(
            Guid.TryParse(id, out var userId) ? userId : throw new InvalidOperationException("The signed-in user has no id."),
            user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? string.Empty);
    }

    /// <summary>The public pages are built from cached directory data; drop it so the change shows at once.</summary>
    public static async Task PublishedAsync(PublicCache cache, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cache);
        await cache.EvictAsync(cancellationToken);
    }

    /// <summary>Re-renders an invalid form with HTTP 400, as every form in the portal does.</summary>
    public static IActionResult Invalid(PageModel page, int statusCode = StatusCodes.Status400BadRequest)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.Response.StatusCode = statusCode;
        return page.Page();
    }

    public static bool IsHttpsUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host);

    /// <summary>An address a person could write to: one mailbox, no display name, a domain with a dot.</summary>
    public static bool IsEmail(string value) =>
        value.Length <= 320
        && System.Net.Mail.MailAddress.TryCreate(value, out var address)
        && address.Address == value
        && address.Host.Contains('.', StringComparison.Ordinal)
        && !value.Contains(' ', StringComparison.Ordinal);

    public static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static string Shown(string? value) => string.IsNullOrEmpty(value) ? "(blank)" : $"“{value}”";
}
