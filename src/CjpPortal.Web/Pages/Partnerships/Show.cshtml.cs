using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Queries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace CjpPortal.Web.Pages.Partnerships;

[AllowAnonymous]
[OutputCache(PolicyName = PublicCache.PolicyName)]
public class ShowModel(DirectoryQueries queries, OrganisationQueries organisations, UpdateQueries updates, IOptions<PortalOptions> options, PublicLinks links) : PageModel
{
    /// <summary>Published third-sector organisations working in the partnership's areas (or all of Scotland).</summary>
    public IReadOnlyList<OrganisationListItem> Organisations { get; private set; } = [];

    /// <summary>How many of the latest updates and next meetings the page shows (the rest are on its updates page).</summary>
    public const int UpdatesShown = 3;

    public IReadOnlyList<UpdateView> LatestUpdates { get; private set; } = [];

    public IReadOnlyList<UpdateView> NextMeetings { get; private set; } = [];

    public PartnershipSnapshot Partnership { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public bool DemoMode => options.Value.DemoMode;

    /// <summary>For search results: what the partnership is and which council areas it covers.</summary>
    public string Description =>
        $"{Partnership.Name} is the community justice partnership for {Display.List(Partnership.Areas.Select(a => a.Name))}: who to contact, how third-sector organisations can take part, and its plans and reports.";

    public bool IsStale => Core.Rules.Staleness.IsStale(Partnership.LastConfirmedOn, Today);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        // Slugs are lower case; /partnerships/FALKIRK is a typed or old link to the same page, so it moves there for
        // good and search engines index one address. (The output cache keys paths case-sensitively for this: see
        // PortalHost.)
        var lower = slug.ToLowerInvariant();
        if (lower != slug && Core.Rules.Slug.IsValid(lower) && await queries.FindBySlugAsync(lower, cancellationToken) is not null)
        {
            return RedirectPermanent(links.Partnership(lower));
        }

        if (!Core.Rules.Slug.IsValid(slug))
        {
            return NotFound();
        }

        var partnership = await queries.FindBySlugAsync(slug, cancellationToken);
        if (partnership is null)
        {
            return NotFound();
        }

        await LoadAsync(partnership, cancellationToken);
        return Page();
    }

    /// <summary>What the page shows besides the snapshot: the organisations in its areas and its updates.</summary>
    private async Task LoadAsync(PartnershipSnapshot partnership, CancellationToken cancellationToken)
    {
        Partnership = partnership;
        Today = queries.Today;
        Organisations = await organisations.InAreasAsync([.. partnership.Areas.Select(a => a.GssCode)], cancellationToken);
        NextMeetings = await updates.NextMeetingsAsync(partnership.Id, UpdatesShown, cancellationToken);
        LatestUpdates = await updates.LatestAsync(partnership.Id, UpdatesShown, cancellationToken);
    }

    /// <summary>Cold start: runs this page's own queries once for <paramref name="partnership"/>, so that EF Core has
    /// compiled them before the first visitor's partnership page needs them (each takes tens of milliseconds to compile
    /// in a new process). For the start-up's snapshot load (<see cref="PortalHost"/>), on another thread while the
    /// start-up thread is still building the endpoints.</summary>
    internal static async Task WarmUpAsync(IServiceProvider services, PartnershipSnapshot partnership, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var page = ActivatorUtilities.CreateInstance<ShowModel>(scope.ServiceProvider);
        await page.LoadAsync(partnership, cancellationToken);
    }

    /// <summary>Annual returns for years that have ended whose report is not yet published, overdue ones first.</summary>
    public IEnumerable<AnnualReturnSnapshot> UnpublishedReturns => Partnership.UnpublishedReturns(Today);
}
