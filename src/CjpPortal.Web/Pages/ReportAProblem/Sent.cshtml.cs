using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CjpPortal.Web.Pages.ReportAProblem;

/// <summary>The confirmation after a report (also shown to a robot that filled in the honeypot).</summary>
[AllowAnonymous]
public class SentModel(ReportSubjects subjects) : PageModel
{
    public ReportSubject About { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery] string? partnership, [FromQuery] string? organisation, CancellationToken cancellationToken)
    {
        if (await subjects.FindAsync(partnership, organisation, cancellationToken) is not { } about)
        {
            return NotFound();
        }

        About = about;
        return Page();
    }
}
