using CjpPortal.Core;
using CjpPortal.Core.Refresh;
using CjpPortal.Core.Rules;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CjpPortal.Web.Pages.Manage.Partnerships;

/// <summary>The annual review linked from the refresh e-mails: contacts, engagement routes, plans and documents, each
/// with a link to the page that changes it, then "confirm the entry is correct". Who may open it is the folder's
/// PartnershipEditor policy (the signed-in user), whatever link they followed: the e-mails' signed token
/// (<see cref="ReviewLinkTokens"/>) only lets the page say which year's reminder was followed, or that the link is not
/// valid (tampered, expired, or for another partnership), with the review shown anyway.</summary>
public class ReviewModel(AppDbContext db, TimeProvider clock, PublicCache cache, ManageLinks links, IOptions<RefreshOptions> options, ReviewLinkTokens tokens) : PageModel
{
    public sealed record ContactLine(string Name, string Role, bool IsPublished);

    public sealed record RouteLine(string Title, bool IsActive);

    public sealed record PlanLine(DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly? PublishedOn);

    public ManagedPartnership Partnership { get; private set; } = null!;
    public int Year { get; private set; }
    public DateOnly? LastConfirmedOn { get; private set; }
    public bool ConfirmedThisYear { get; private set; }
    public IReadOnlyList<ContactLine> Contacts { get; private set; } = [];
    public IReadOnlyList<RouteLine> Routes { get; private set; } = [];
    public IReadOnlyList<PlanLine> Plans { get; private set; } = [];
    public int DocumentCount { get; private set; }
    public int ReturnCount { get; private set; }

    /// <summary>The refresh year the e-mailed link's token names, when the page was opened from a valid one.</summary>
    public int? LinkYear { get; private set; }

    /// <summary>The page was opened with a token that does not read for this partnership.</summary>
    public bool LinkInvalid { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = ReviewLinkTokens.QueryName)] string? token, CancellationToken cancellationToken)
    {
        if (await ManagedPartnership.FindAsync(db, slug, cancellationToken) is not { } partnership)
        {
            return NotFound();
        }

        Partnership = partnership;
        if (token is not null)
        {
            LinkInvalid = !tokens.TryRead(token, partnership.Slug, out var linkYear);
            LinkYear = LinkInvalid ? null : linkYear;
        }

        var calendar = new RefreshCalendar(options.Value);
        Year = calendar.YearOn(ScottishTime.Today(clock));
        LastConfirmedOn = await db.Partnerships.Where(p => p.Id == partnership.Id).Select(p => p.LastConfirmedOn).SingleAsync(cancellationToken);
        ConfirmedThisYear = calendar.IsConfirmed(Year, LastConfirmedOn);
        Contacts = await db.Contacts.AsNoTracking().Where(c => c.PartnershipId == partnership.Id).OrderBy(c => c.DisplayOrder)
            .Select(c => new ContactLine(c.Name, c.Role, c.IsPublished)).ToListAsync(cancellationToken);
        Routes = await db.EngagementRoutes.AsNoTracking().Where(r => r.PartnershipId == partnership.Id).OrderBy(r => r.DisplayOrder)
            .Select(r => new RouteLine(r.Title, r.IsActive)).ToListAsync(cancellationToken);
        Plans = await db.Cjoips.AsNoTracking().Where(c => c.PartnershipId == partnership.Id).OrderByDescending(c => c.PeriodStart)
            .Select(c => new PlanLine(c.PeriodStart, c.PeriodEnd, c.PublishedOn)).ToListAsync(cancellationToken);
        DocumentCount = await db.Documents.CountAsync(d => d.PartnershipId == partnership.Id, cancellationToken);
        ReturnCount = await db.AnnualReturns.CountAsync(r => r.PartnershipId == partnership.Id, cancellationToken);
        return Page();
    }

    /// <summary>The same confirmation as the editing overview's, with its history row.</summary>
    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (await PartnershipPages.ConfirmAsync(db, clock, cache, User, slug, cancellationToken) is null)
        {
            return NotFound();
        }

        return LocalRedirect(links.Reviewed(slug));
    }
}
