using System.Diagnostics;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

// CA1716: the folder and namespace follow the page's URL, /error (a page's code is found by its URL). Nothing outside
// this assembly uses the namespace, so the clash with Visual Basic's Error keyword cannot bite.
#pragma warning disable CA1716
namespace CjpPortal.Web.Pages.Error;
#pragma warning restore CA1716

/// <summary>
/// Shown by UseExceptionHandler("/error") for an unhandled exception, with the original request's method. It shows no
/// exception detail (that is in the log), only a reference that matches the log entry's trace id. When the exception
/// is the database being out of reach (<see cref="DatabaseUnavailable"/>), it is the service-unavailable page instead:
/// 503 with Retry-After.
/// </summary>
[AllowAnonymous]
// Order 1001 puts this after the site-wide AutoValidateAntiforgeryToken convention filter (order 1000), so it is the
// effective antiforgery policy: a re-executed POST must still get this page, not an empty 400.
[IgnoreAntiforgeryToken(Order = 1001)]
public class IndexModel(IOptions<PortalOptions> options) : PageModel
{
    public string ContactEmail { get; } = options.Value.ContactEmail;

    public string? Reference { get; private set; }

    /// <summary>The database cannot be reached: nothing is wrong with the request, and trying again later will work.</summary>
    public bool Unavailable { get; private set; }

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Unavailable = DatabaseUnavailable.Is(HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error);
        if (Unavailable)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = ((int)DatabaseUnavailable.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            Response.StatusCode = StatusCodes.Status500InternalServerError;
        }

        Reference = Activity.Current is { } activity && activity.TraceId != default
            ? activity.TraceId.ToHexString()
            : HttpContext.TraceIdentifier;
    }
}
