using CjpPortal.Core;
using CjpPortal.Core.Organisations;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Manage.Organisations;

/// <summary>The moderation queue: listings waiting for a decision, those sent back for changes, and the published
/// ones, limited to the listings the moderator may act on (<see cref="ModerationScope"/>). The folder's
/// OrganisationModerator policy guards it.</summary>
public class IndexModel(AppDbContext db, ListingReviewClock review) : PageModel
{
    public sealed record Item(int Id, string Name, OrganisationStatus Status, bool AllOfScotland, IReadOnlyList<string> Areas, DateTimeOffset UpdatedAt,
        DateTimeOffset? LastConfirmed);

    /// <summary>Where each published listing is in its yearly confirmation cycle.</summary>
    public ListingReviewCutoffs Cutoffs { get; } = review.Now();

    public IReadOnlyList<Item> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Items = await ModerationScope.Visible(db, User).AsNoTracking()
            .Where(o => o.Status == OrganisationStatus.AwaitingModeration || o.Status == OrganisationStatus.ChangesRequested || o.Status == OrganisationStatus.Published)
            .OrderBy(o => o.UpdatedAt).ThenBy(o => o.Id)
            .Select(o => new Item(o.Id, o.Name, o.Status, o.CoversAllOfScotland, o.Areas.OrderBy(a => a.CouncilArea.Name).Select(a => a.CouncilArea.Name).ToList(), o.UpdatedAt,
                o.ConfirmedAt ?? o.PublishedAt))
            .ToListAsync(cancellationToken);
    }

    public IEnumerable<Item> InStatus(OrganisationStatus status) => Items.Where(i => i.Status == status);
}
