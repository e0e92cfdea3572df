using CjpPortal.Core;
using CjpPortal.Core.Updates;
using CjpPortal.Web.Pages.National;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Manage.Partnerships.Updates;

/// <summary>A partnership's (or the national) updates and meetings, drafts first, then published ones newest first.</summary>
public class IndexModel(AppDbContext db, ManageLinks manage, NationalLinks national) : UpdatePageModel(db, manage, national)
{
    public override string Heading => "Updates and meetings";

    public override string PageTitle => $"{Heading}: {Scope.Name}";

    public IReadOnlyList<Item> Updates { get; private set; } = [];

    public sealed record Item(int Id, string Title, UpdateKind Kind, DateTimeOffset? StartsAt, DateTimeOffset? PublishedAt, DateTimeOffset? CorrectedAt, DateTimeOffset UpdatedAt);

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken cancellationToken)
    {
        if (!await LoadScopeAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        Updates = await Db.ForumUpdates.AsNoTracking()
            .Where(u => u.PartnershipId == Scope.PartnershipId)
            .OrderBy(u => u.PublishedAt != null).ThenByDescending(u => u.PublishedAt).ThenByDescending(u => u.UpdatedAt)
            .Select(u => new Item(u.Id, u.Title, u.Kind, u.StartsAt, u.PublishedAt, u.CorrectedAt, u.UpdatedAt))
            .ToListAsync(cancellationToken);
        return Page();
    }
}
