using System.Security.Claims;
using CjpPortal.Core.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CjpPortal.Web.Infrastructure;

/// <summary>What every form page in the portal shares, whichever area it is in (account, /manage, /national,
/// /admin): the HTTP 400 re-render, the out-of-date refusal, the one-time banner and who history records. Typed values
/// are trimmed by <see cref="TrimmingModelBinder"/> and checked by the attributes in <c>Infrastructure/Validation</c>.</summary>
public static class FormPages
{
    /// <summary>The TempData key of the one-time success banner shown by the _Banner partial.</summary>
    public const string BannerKey = "Banner";

    /// <summary>Re-renders an invalid form with HTTP 400 (or <paramref name="statusCode"/>), as every form does.</summary>
    public static IActionResult Invalid(PageModel page, int statusCode = StatusCodes.Status400BadRequest)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.Response.StatusCode = statusCode;
        return page.Page();
    }

    /// <summary>The standard words for a save refused because <paramref name="what"/> changed after the form opened.</summary>
    public static string StaleMessage(string what) =>
        $"Someone else saved changes to {what} after you opened this page, so your changes have not been saved. Check their changes below, then save again if yours should replace them.";

    /// <summary>Refuses a save from an out-of-date form with HTTP 409 and <paramref name="message"/>. The page has put
    /// the stored row's version in its Version property, so the form re-rendered here saves over it if the user
    /// resubmits after checking.</summary>
    public static IActionResult RefuseStale(PageModel page, string message)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.ModelState.Remove("Version");
        page.ModelState.AddModelError(string.Empty, message);
        return Invalid(page, StatusCodes.Status409Conflict);
    }

    /// <summary>The signed-in person, as history records them.</summary>
    public static AuditActor Actor(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return new AuditActor(
            Guid.TryParse(id, out var userId) ? userId : throw new InvalidOperationException("The signed-in user has no id."),
            user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? string.Empty);
    }

    /// <summary>Replaces the model binder's own message for a value it could not read (a date that is not a date) with
    /// the form's <paramref name="message"/>, so the field has one error in the form's words. True when it did.</summary>
    public static bool ReplaceBindingError(ModelStateDictionary modelState, string field, string message)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (!modelState.TryGetValue(field, out var entry) || entry.Errors.Count == 0 || string.IsNullOrEmpty(entry.AttemptedValue))
        {
            return false;
        }

        entry.Errors.Clear();
        entry.Errors.Add(message);
        return true;
    }

    public static string Shown(string? value) => string.IsNullOrEmpty(value) ? "(blank)" : $"“{value}”";
}
