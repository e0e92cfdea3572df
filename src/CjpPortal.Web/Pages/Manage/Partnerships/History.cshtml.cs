using System.Globalization;
using CjpPortal.Core;
using CjpPortal.Web.Queries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CjpPortal.Web.Pages.Manage.Partnerships;

/// <summary>Every recorded change to a partnership's entry, newest first, so a new coordinator can see what their
/// predecessor did. Read only: nothing in the portal edits or deletes history. The rows, in a coordinator's words,
/// come from <see cref="HistoryQueries"/>.</summary>
public class HistoryModel(AppDbContext db, HistoryQueries history) : PageModel
{
    public const int PageSize = HistoryQueries.PageSize;

    public string Name { get; private set; } = string.Empty;
    public string Slug { get; private set; } = string.Empty;
    public IReadOnlyList<HistoryRow> Rows { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        var partnership = await ManagedPartnership.FindAsync(db, slug, cancellationToken);
        if (partnership is null)
        {
            return NotFound();
        }

        (Name, Slug) = (partnership.Name, partnership.Slug);
        var page = await history.PartnershipAsync(partnership.Id, pageNumber, cancellationToken);
        (Rows, PageNumber, PageCount) = (page.Rows, page.PageNumber, page.PageCount);
        return Page();
    }

    private static readonly TimeZoneInfo Scotland =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>When a change happened, in Scottish local time.</summary>
    public static string When(DateTimeOffset occurredAt) =>
        TimeZoneInfo.ConvertTime(occurredAt, Scotland).ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture);
}
