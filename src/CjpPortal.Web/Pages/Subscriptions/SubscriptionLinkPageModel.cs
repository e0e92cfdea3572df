using CjpPortal.Core.Subscriptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CjpPortal.Web.Pages.Subscriptions;

/// <summary>What the pages reached from e-mailed links share: the token, from the query string on GET and POST alike
/// (it is the only authority these pages have; forms post back to the same address), and the 400 "this link does not
/// work" page for a bad one.</summary>
public abstract class SubscriptionLinkPageModel : PageModel
{
    public const string BadLinkTitle = "This link does not work";

    public string? Token => Request.Query["token"].FirstOrDefault();

    /// <summary>Set by <see cref="BadLink"/>: the page shows _BadLink instead of its content.</summary>
    public bool LinkIsBad { get; private set; }

    public string ManageUrl => SubscriptionLinks.ManagePath + TokenQuery;

    public string TokenQuery => "?token=" + Uri.EscapeDataString(Token ?? string.Empty);

    /// <summary>The "this link does not work" page, HTTP 400; nothing has changed.</summary>
    protected IActionResult BadLink()
    {
        LinkIsBad = true;
        ModelState.Clear();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
