using CjpPortal.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Manage.Partnerships;

/// <summary>Every recorded change to a partnership's entry, newest first, so a new coordinator can see what their
/// predecessor did. Read only: nothing in the portal edits or deletes history.</summary>
public class HistoryModel(AppDbContext db) : PageModel
{
    public const int PageSize = 50;

    public string Name { get; private set; } = string.Empty;
    public string Slug { get; private set; } = string.Empty;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;

    public sealed record Row(DateTimeOffset OccurredAt, string UserEmail, string Entity, int EntityId, string Field, string? OldValue, string? NewValue);

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        var partnership = await ManagedPartnership.FindAsync(db, slug, cancellationToken);
        if (partnership is null)
        {
            return NotFound();
        }

        (Name, Slug) = (partnership.Name, partnership.Slug);
        var entries = db.AuditEntries.AsNoTracking().Where(a => a.PartnershipId == partnership.Id);
        var count = await entries.CountAsync(cancellationToken);
        PageCount = Math.Max(1, (count + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(pageNumber ?? 1, 1, PageCount);
        Rows = await entries
            .OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .Select(a => new Row(a.OccurredAt, a.UserEmail, a.Entity, a.EntityId, a.Field, a.OldValue, a.NewValue))
            .ToListAsync(cancellationToken);
        return Page();
    }

    private static readonly TimeZoneInfo Scotland =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>When a change happened, in Scottish local time.</summary>
    public static string When(DateTimeOffset occurredAt) =>
        TimeZoneInfo.ConvertTime(occurredAt, Scotland).ToString("d MMM yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Entity and field names as a coordinator would say them.</summary>
    public static string Describe(string name) => name switch
    {
        "Partnership" => "Partnership details",
        "EngagementRoute" => "Engagement route",
        "ThirdSectorInterface" => "Third Sector Interface",
        "CoordinatorPostVacant" => "Coordinator post vacant",
        "FallbackContactId" => "Fallback contact",
        "GovernanceNotes" => "Governance notes",
        "LastConfirmedOn" => "Last confirmed",
        "RepresentationKind" => "Kind of representation",
        "HowToJoin" => "How to join",
        "ContactName" => "Contact name",
        "ContactEmail" => "Contact e-mail",
        "MeetingFrequency" => "Meeting frequency",
        "IsActive" => "Active",
        "DisplayOrder" => "Position",
        "IsPublished" => "Published",
        "IsCoordinator" => "Coordinator",
        _ => name,
    };
}
