using CjpPortal.Core;
using CjpPortal.Web.Pages.Manage.Partnerships;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CjpPortal.Web.Pages.ReportAProblem;

/// <summary>The confirmation after a report (also shown to a robot that filled in the honeypot).</summary>
[AllowAnonymous]
public class SentModel(AppDbContext db) : PageModel
{
    public string PartnershipName { get; private set; } = string.Empty;
    public string Slug { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync([FromQuery] string? partnership, CancellationToken cancellationToken)
    {
        var found = string.IsNullOrEmpty(partnership) ? null : await ManagedPartnership.FindAsync(db, partnership, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        (PartnershipName, Slug) = (found.Name, found.Slug);
        return Page();
    }
}
