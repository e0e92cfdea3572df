using CjpPortal.Core;
using CjpPortal.Core.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CjpPortal.Web.Pages.Manage.Partnerships.Returns;

/// <summary>A partnership's annual returns: the year under way (not yet due), then one row per ended reporting year
/// back to 2017-18, each with its status, dates and report, or "Not recorded" and a link to add it.</summary>
public class IndexModel(AppDbContext db, TimeProvider clock, IOptions<PortalOptions> options) : PageModel
{
    public string PartnershipName { get; private set; } = string.Empty;
    public string Slug { get; private set; } = string.Empty;

    public DateOnly Today { get; private set; }

    /// <summary>The year under way: its return is not due yet.</summary>
    public ReportingYear Current { get; private set; }

    public DateOnly CurrentDueOn { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public sealed record Row(ReportingYear Year, ReturnStatus Status, DateOnly DueOn, bool Recorded, DateOnly? SubmittedOn, DateOnly? PublishedOn, string? ReportLink);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var partnership = await ManagedPartnership.FindAsync(db, slug, cancellationToken);
        if (partnership is null)
        {
            return NotFound();
        }

        (PartnershipName, Slug) = (partnership.Name, partnership.Slug);
        var deadline = options.Value.AnnualReturnDeadline;
        Today = ScottishTime.Today(clock);
        Current = ReportingYear.Containing(Today);
        CurrentDueOn = Current.DueDate(deadline);
        var recorded = await db.AnnualReturns.AsNoTracking()
            .Where(r => r.PartnershipId == partnership.Id)
            .Select(r => new { Dates = new ReturnDates(r.ReportingYearStart, r.DueOn, r.SubmittedOn, r.PublishedOn), r.PublishedReportLink })
            .ToDictionaryAsync(r => r.Dates.ReportingYearStart, cancellationToken);
        Rows = [.. ReturnRules.EndedYears(Today).Select(year =>
        {
            var own = recorded.GetValueOrDefault(year.StartYear);
            return new Row(year, ReturnRules.StatusOf(year, own?.Dates, deadline, Today), ReturnRules.DueOn(year, own?.Dates, deadline),
                own is not null, own?.Dates.SubmittedOn, own?.Dates.PublishedOn, own?.PublishedReportLink);
        })];
        return Page();
    }
}
