using CjpPortal.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.ReportAProblem;

/// <summary>The confirmation after a report (also shown to a robot that filled in the honeypot).</summary>
[AllowAnonymous]
public class SentModel(AppDbContext db) : PageModel
{
    public string PartnershipName { get; private set; } = string.Empty;
    public string Slug { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync([FromQuery] string? partnership, CancellationToken cancellationToken)
    {
        var found = string.IsNullOrEmpty(partnership) ? null
            : await db.Partnerships.AsNoTracking().Where(p => p.Slug == partnership).Select(p => new { p.Name, p.Slug }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        (PartnershipName, Slug) = (found.Name, found.Slug);
        return Page();
    }
}
