using CjpPortal.Core;
using CjpPortal.Core.Refresh;
using CjpPortal.Core.Rules;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CjpPortal.Web.Pages.National.Refresh;

/// <summary>/national/refresh: the refresh year's progress per partnership, and "send a reminder now" to the chosen
/// ones, through a confirmation step (Review shows the list, Send queues the reminders).</summary>
public class IndexModel(AppDbContext db, RefreshProgress progress, RefreshReminders reminders, ReviewLinkTokens reviewLinks, IOptions<RefreshOptions> options, TimeProvider clock, NationalLinks links, PortalLinks portal) : PageModel
{
    public const string NoneChosenMessage = "Choose at least one partnership to remind";

    public RefreshProgressReport Report { get; private set; } = null!;

    /// <summary>The chosen partnerships, on the confirmation step.</summary>
    public IReadOnlyList<string> ChosenNames { get; private set; } = [];

    public bool Confirming { get; private set; }

    [BindProperty(SupportsGet = true)]
    public List<int> PartnershipIds { get; set; } = [];

    /// <summary>Set by the progress table's form (a GET, so the confirmation step changes nothing): show the chosen
    /// partnerships and the button that sends.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Remind { get; set; }

    /// <summary>The confirmation step's id, made when the step is shown and posted back with it, so the same step
    /// posted twice sends once (<see cref="RefreshReminders.SendNowAsync"/>). It grants nothing: the partnerships are
    /// still checked from <see cref="PartnershipIds"/>. Bound from the form only.</summary>
    [BindProperty]
    public Guid Press { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Remind)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        if (!await ChooseAsync(cancellationToken))
        {
            return FormPages.Invalid(this);
        }

        Confirming = true;
        Press = Guid.NewGuid();
        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync(CancellationToken cancellationToken)
    {
        if (Press == Guid.Empty)
        {
            ModelState.AddModelError(nameof(PartnershipIds), RefreshReminders.NoConfirmationMessage);
            await LoadAsync(cancellationToken);
            return FormPages.Invalid(this);
        }

        if (!await ChooseAsync(cancellationToken))
        {
            return FormPages.Invalid(this);
        }

        var baseUri = portal.BaseUri(Request);
        var sent = await reminders.SendNowAsync(PartnershipIds, Press, FormPages.Actor(User), (slug, year) => reviewLinks.Link(baseUri, slug, year), cancellationToken);
        TempData[FormPages.BannerKey] = sent.Count == 1 ? "A reminder was queued for 1 partnership." : $"Reminders were queued for {sent.Count} partnerships.";
        return LocalRedirect(links.Refresh());
    }

    private async Task<bool> ChooseAsync(CancellationToken cancellationToken)
    {
        var ids = PartnershipIds.Distinct().ToList();
        ChosenNames = await db.Partnerships.AsNoTracking().Where(p => ids.Contains(p.Id)).OrderBy(p => p.Name).Select(p => p.Name).ToListAsync(cancellationToken);
        if (ids.Count == 0 || ChosenNames.Count != ids.Count)
        {
            ModelState.AddModelError(nameof(PartnershipIds), NoneChosenMessage);
            await LoadAsync(cancellationToken);
            return false;
        }

        PartnershipIds = ids;
        await LoadAsync(cancellationToken);
        return true;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var year = new RefreshCalendar(options.Value).YearOn(ScottishTime.Today(clock));
        Report = await progress.ForYearAsync(year, cancellationToken);
    }
}
