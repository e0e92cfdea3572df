using System.ComponentModel.DataAnnotations;
using CjpPortal.Core;
using CjpPortal.Core.Problems;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Manage.Problems;

/// <summary>One problem report, and the form that marks it resolved with a note (e-mailed to the reporter if they
/// left an address). A report the signed-in person may not see (<see cref="ProblemAccess"/>) is refused with 403.</summary>
public class ShowModel(AppDbContext db, ProblemReportService problems, TimeProvider clock, ManageLinks links) : PageModel
{
    public ProblemReport Report { get; private set; } = null!;
    public string PartnershipName { get; private set; } = string.Empty;
    public string PartnershipSlug { get; private set; } = string.Empty;

    /// <summary>Set when the report is about an organisation's listing (then <see cref="PartnershipName"/> is its name).</summary>
    public int? OrganisationId { get; private set; }
    public string? ResolvedBy { get; private set; }
    public DateTimeOffset Now { get; private set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter a note saying what was done")]
    [StringLength(ProblemReport.ResolutionNoteMaxLength, ErrorMessage = "The note must be {1} characters or fewer")]
    public string? ResolutionNote { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Report.IsResolved)
        {
            ModelState.AddModelError(nameof(ResolutionNote), "This report has already been resolved");
        }

        if (!ModelState.IsValid)
        {
            return FormPages.Invalid(this);
        }

        if (await problems.ResolveAsync(Report, ResolutionNote!, FormPages.Actor(User), cancellationToken) == ResolveOutcome.AlreadyResolved)
        {
            ModelState.AddModelError(nameof(ResolutionNote), "Someone else resolved this report while you were writing your note");
            return FormPages.Invalid(this, StatusCodes.Status409Conflict);
        }

        TempData[FormPages.BannerKey] = $"The report about {PartnershipName} has been marked as resolved"
            + (Report.ReplyEmail is null ? "." : ", and the person who reported it has been told.");
        return LocalRedirect(links.Problems());
    }

    /// <summary>Loads the report (tracked, for the resolve); a result to return instead when it cannot be shown.</summary>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var report = await db.ProblemReports.Include(r => r.Partnership).Include(r => r.Organisation).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null)
        {
            return NotFound();
        }

        if (!await ProblemAccess.For(db, User).AnyAsync(r => r.Id == id, cancellationToken))
        {
            return Forbid();
        }

        (Report, PartnershipName, PartnershipSlug, OrganisationId, Now) = report.Partnership is { } partnership
            ? (report, partnership.Name, partnership.Slug, null, clock.GetUtcNow())
            : (report, report.Organisation!.Name, string.Empty, report.OrganisationId, clock.GetUtcNow());
        if (report.ResolvedById is { } resolverId)
        {
            ResolvedBy = await db.Users.AsNoTracking().Where(u => u.Id == resolverId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        }

        return null;
    }
}
