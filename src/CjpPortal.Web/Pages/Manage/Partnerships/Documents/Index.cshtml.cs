using CjpPortal.Core;
using CjpPortal.Core.Documents;
using CjpPortal.Core.Rules;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Manage.Partnerships.Documents;

/// <summary>Every document the partnership has uploaded, newest first: what uses it now (a plan, a participation
/// statement, an annual report, or nothing once replaced), who uploaded it and when, its size, and whether the public
/// can download it (<see cref="DocumentVisibility"/>). Replaced documents stay here, and downloadable by the
/// partnership's staff, for history.</summary>
public class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public string PartnershipName { get; private set; } = string.Empty;
    public string Slug { get; private set; } = string.Empty;
    public IReadOnlyList<Item> Documents { get; private set; } = [];

    public sealed record Item(DocumentFacts Document, IReadOnlyList<string> UsedBy, string? UploadedBy, bool IsPublic);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var partnership = await ManagedPartnership.FindAsync(db, slug, cancellationToken);
        if (partnership is null)
        {
            return NotFound();
        }

        (PartnershipName, Slug) = (partnership.Name, partnership.Slug);
        // Ordered before the projection, which SQL cannot sort by.
        var documents = await DocumentVisibility.Facts(db, db.Documents.Where(d => d.PartnershipId == partnership.Id)
                .OrderByDescending(d => d.UploadedAt).ThenByDescending(d => d.Id))
            .ToListAsync(cancellationToken);
        var uploaderIds = documents.Select(d => d.UploadedById).OfType<Guid>().Distinct().ToList();
        var uploaders = uploaderIds.Count == 0 ? [] : await db.Users.AsNoTracking()
            .Where(u => uploaderIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.Email ?? string.Empty, cancellationToken);
        var today = ScottishTime.Today(clock);
        Documents = [.. documents.Select(d => new Item(
            d,
            [.. d.Uses.Select(Describe)],
            d.UploadedById is { } by ? uploaders.GetValueOrDefault(by) : null,
            DocumentVisibility.IsPublic(d, today)))];
        return Page();
    }

    /// <summary>"Plan 2024 to 2029", "Participation statement (plan 2024 to 2029)", "Annual report 2024-25".</summary>
    public static string Describe(DocumentUse use)
    {
        ArgumentNullException.ThrowIfNull(use);
        var period = use.PlanPeriodStart is { } start && use.PlanPeriodEnd is { } end ? $"{start.Year} to {end.Year}" : null;
        return use.Kind switch
        {
            DocumentUseKind.Plan => period is null ? "Plan" : $"Plan {period}",
            DocumentUseKind.ParticipationStatement => period is null ? "Participation statement" : $"Participation statement (plan {period})",
            _ => use.ReportingYearStart is { } year ? $"Annual report {new ReportingYear(year).Label}" : "Annual report",
        };
    }

    public static string Uploaded(DateTimeOffset at) => Display.Date(ScottishTime.DateOf(at));
}
