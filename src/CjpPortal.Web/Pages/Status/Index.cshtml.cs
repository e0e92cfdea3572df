using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CjpPortal.Web.Pages.Status;

/// <summary>
/// The page shown for an error status code: UseStatusCodePagesWithReExecute("/status/{0}") runs it with the original
/// request's method, so it answers any method, ignores antiforgery and is never output-cached.
/// </summary>
[AllowAnonymous]
// Order 1001 puts this after the site-wide AutoValidateAntiforgeryToken convention filter (order 1000), so it is the
// effective antiforgery policy: a re-executed POST must still get this page, not an empty 400.
[IgnoreAntiforgeryToken(Order = 1001)]
public class IndexModel(IOptions<PortalOptions> options) : PageModel
{
    public int Code { get; private set; }

    public string ContactEmail { get; } = options.Value.ContactEmail;

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var code = RouteData.Values.TryGetValue("code", out var value) && int.TryParse(value?.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;

        // Only error codes make sense here; /status/200 or /status/7 is simply a page that does not exist.
        Code = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        Response.StatusCode = Code;
    }
}
