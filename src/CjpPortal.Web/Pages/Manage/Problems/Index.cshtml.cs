using CjpPortal.Core;
using CjpPortal.Core.Problems;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Manage.Problems;

/// <summary>The queue of problem reports the signed-in person looks after (<see cref="ProblemAccess"/>): open ones
/// first, oldest first, each with its age; filtered to open (the default), resolved or all.</summary>
public class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;
    public const string Open = "open";
    public const string Resolved = "resolved";
    public const string All = "all";

    /// <summary><paramref name="PartnershipName"/>: the partnership's name, or the organisation's for a listing's report.</summary>
    public sealed record Row(int Id, string PartnershipName, ProblemKind Kind, string Note, DateTimeOffset ReportedAt, DateTimeOffset? ResolvedAt);

    public string Status { get; private set; } = Open;
    public bool SeesAll { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? status, [FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        Status = status is Resolved or All ? status : Open;
        SeesAll = ProblemAccess.SeesAll(User);
        Now = clock.GetUtcNow();
        var reports = ProblemAccess.For(db, User).AsNoTracking();
        reports = Status switch
        {
            Open => reports.Where(r => r.ResolvedAt == null),
            Resolved => reports.Where(r => r.ResolvedAt != null),
            _ => reports,
        };
        var paging = Paging.For(await reports.CountAsync(cancellationToken), PageSize, pageNumber);
        (PageNumber, PageCount) = (paging.PageNumber, paging.PageCount);
        Rows = await reports
            // Open reports first, the oldest at the top; then resolved ones, the latest resolved first.
            .OrderBy(r => r.ResolvedAt != null).ThenByDescending(r => r.ResolvedAt).ThenBy(r => r.ReportedAt).ThenBy(r => r.Id)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(r => new Row(r.Id, r.Partnership != null ? r.Partnership.Name : r.Organisation!.Name, r.Kind, r.Note, r.ReportedAt, r.ResolvedAt))
            .ToListAsync(cancellationToken);
        return Page();
    }
}
