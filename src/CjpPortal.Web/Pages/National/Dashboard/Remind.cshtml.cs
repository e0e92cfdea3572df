using CjpPortal.Core;
using CjpPortal.Core.Identity;
using CjpPortal.Core.Refresh;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.National.Dashboard;

/// <summary>/national/dashboard/remind: "send a reminder now" to the partnerships chosen on the dashboard (its rows'
/// checkboxes, or every row shown), through a confirmation step that lists who each reminder goes to; the reminders
/// themselves are <see cref="RefreshReminders.SendNowAsync"/>, as on /national/refresh. Opened directly (GET), or
/// with nothing chosen, it lists every partnership to choose from.</summary>
public class RemindModel(AppDbContext db, RefreshReminders reminders, ReviewLinkTokens reviewLinks, TimeProvider clock, NationalLinks links, PortalLinks portal) : PageModel
{
    public const string NoneChosenMessage = "Choose at least one partnership to remind";

    /// <summary>A chosen partnership and who its reminder goes to.</summary>
    public sealed record Recipients(string Slug, string Name, IReadOnlyList<string> Addresses, bool ToStaff);

    /// <summary>The partnerships chosen (their slugs), from the dashboard's rows or this page's own list.</summary>
    [BindProperty]
    public List<string> Slugs { get; set; } = [];

    /// <summary>The slugs of the rows the dashboard showed, for its "every partnership shown" button.</summary>
    [BindProperty]
    public List<string> Shown { get; set; } = [];

    [BindProperty]
    public bool AllShown { get; set; }

    /// <summary>The confirmation step's id, made when the step is shown and posted back with it, so the same step
    /// posted twice sends once (<see cref="RefreshReminders.SendNowAsync"/>). It grants nothing: the partnerships are
    /// still checked from <see cref="Slugs"/>.</summary>
    [BindProperty]
    public Guid Press { get; set; }

    /// <summary>Every partnership, to choose from (when nothing valid was chosen).</summary>
    public IReadOnlyList<SelectListItem> Choices { get; private set; } = [];

    /// <summary>The confirmation step: each chosen partnership with its recipients.</summary>
    public IReadOnlyList<Recipients> Chosen { get; private set; } = [];

    public bool Confirming => Chosen.Count > 0;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadChoicesAsync(cancellationToken);

    /// <summary>From the dashboard (or this page's list): shows the confirmation step; saves nothing.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (AllShown)
        {
            Slugs = Shown;
        }

        if (await ChooseAsync(cancellationToken) is null)
        {
            return FormPages.Invalid(this);
        }

        Press = Guid.NewGuid();
        return Page();
    }

    /// <summary>Queues the reminders, as /national/refresh does, and goes back to the dashboard with a banner.</summary>
    public async Task<IActionResult> OnPostSendAsync(CancellationToken cancellationToken)
    {
        if (Press == Guid.Empty)
        {
            ModelState.AddModelError(nameof(Slugs), RefreshReminders.NoConfirmationMessage);
            await LoadChoicesAsync(cancellationToken);
            return FormPages.Invalid(this);
        }

        if (await ChooseAsync(cancellationToken) is not { } ids)
        {
            return FormPages.Invalid(this);
        }

        var baseUri = portal.BaseUri(Request);
        var sent = await reminders.SendNowAsync(ids, Press, FormPages.Actor(User), (slug, year) => reviewLinks.Link(baseUri, slug, year), cancellationToken);
        // Named from what was sent, not what was chosen: a partnership skipped (no one to write to, or already sent
        // by this confirmation) is not the one the banner names.
        TempData[FormPages.BannerKey] = sent.Count == 1
            ? $"A reminder was queued for 1 partnership: {sent[0]}."
            : $"Reminders were queued for {sent.Count} partnerships.";
        return LocalRedirect(links.Dashboard());
    }

    /// <summary>The chosen partnerships' ids, with <see cref="Chosen"/> filled in; null (and the error, and the list
    /// to choose from) when none is chosen or one is not a partnership.</summary>
    private async Task<List<int>?> ChooseAsync(CancellationToken cancellationToken)
    {
        var slugs = Slugs.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).ToList();
        var partnerships = await db.Partnerships.AsNoTracking().Where(p => slugs.Contains(p.Slug)).OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Slug, p.Name }).ToListAsync(cancellationToken);
        if (slugs.Count == 0 || partnerships.Count != slugs.Count)
        {
            ModelState.AddModelError(nameof(Slugs), NoneChosenMessage);
            Slugs = [.. partnerships.Select(p => p.Slug)];
            await LoadChoicesAsync(cancellationToken);
            return null;
        }

        var now = clock.GetUtcNow();
        var coordinators = await ActiveRecipients.CoordinatorsAsync(db, now, cancellationToken);
        var staff = await ActiveRecipients.CjsStaffAsync(db, now, cancellationToken);
        Chosen = [.. partnerships.Select(p => coordinators.TryGetValue(p.Id, out var to)
            ? new Recipients(p.Slug, p.Name, to, ToStaff: false)
            : new Recipients(p.Slug, p.Name, staff, ToStaff: true))];
        Slugs = [.. partnerships.Select(p => p.Slug)];
        return [.. partnerships.Select(p => p.Id)];
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken) =>
        Choices = await db.Partnerships.AsNoTracking().OrderBy(p => p.Name).Select(p => new SelectListItem(p.Name, p.Slug)).ToListAsync(cancellationToken);
}
