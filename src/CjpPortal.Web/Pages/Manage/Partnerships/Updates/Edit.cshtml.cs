using System.Globalization;
using CjpPortal.Core;
using CjpPortal.Core.Configurations;
using CjpPortal.Core.Rules;
using CjpPortal.Core.Updates;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Pages.National;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Manage.Partnerships.Updates;

/// <summary>Edits a draft, or corrects a published update: a correction is marked as such on the public page and is
/// sent to subscribers again only when <see cref="SendCorrection"/> is ticked. A save from a form opened before
/// someone else saved the update is refused (409), listing what is saved now.</summary>
public class EditModel(AppDbContext db, UpdateService updates, PublicCache cache, ManageLinks manage, NationalLinks national) : UpdateFormModel(db, manage, national)
{
    public override string Heading => IsPublished ? "Correct a published update" : "Edit a draft";

    public int Id { get; private set; }

    public bool IsPublished { get; private set; }

    [BindProperty]
    public bool SendCorrection { get; set; }

    /// <summary>The row version (xmin) the form was filled from.</summary>
    [BindProperty]
    public uint Version { get; set; }

    /// <summary>What someone else saved while this form was open (after a refused save).</summary>
    public IReadOnlyList<string> Conflicts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? slug, int id, CancellationToken cancellationToken)
    {
        var update = await LoadAsync(slug, id, cancellationToken);
        if (update is null)
        {
            return NotFound();
        }

        Fill(update);
        Version = Db.VersionOf(update);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? slug, int id, CancellationToken cancellationToken)
    {
        var update = await LoadAsync(slug, id, cancellationToken);
        if (update is null)
        {
            return NotFound();
        }

        Validate(updates.Now, update.StartsAt);
        if (!ModelState.IsValid)
        {
            return FormPages.Invalid(this);
        }

        if (!Db.ExpectVersion(update, Version))
        {
            return Stale(update);
        }

        Apply(update);
        var actor = FormPages.Actor(User);
        try
        {
            if (update.IsPublished)
            {
                await updates.CorrectAsync(update, SendCorrection, actor, cancellationToken);
            }
            else
            {
                await updates.SaveAsync(update, actor, cancellationToken);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            Db.ChangeTracker.Clear();
            var current = await LoadAsync(slug, id, cancellationToken);
            return current is null ? NotFound() : Stale(current);
        }

        if (update.IsPublished)
        {
            await cache.EvictAsync(cancellationToken);
            TempData[FormPages.BannerKey] = SendCorrection
                ? $"The correction to “{update.Title}” has been published and will be sent to subscribers."
                : $"The correction to “{update.Title}” has been published. It has not been sent to subscribers.";
        }
        else
        {
            TempData[FormPages.BannerKey] = $"“{update.Title}” has been saved as a draft.";
        }

        return LocalRedirect(PreviewLink(update.Id));
    }

    /// <summary>Refuses a save from an out-of-date form (409): keeps what this person typed, lists what is saved now
    /// where it differs, and takes the stored version, so saving again replaces it knowingly.</summary>
    private IActionResult Stale(ForumUpdate current)
    {
        var conflicts = new ConflictList();
        static string? When(DateTimeOffset? at) => at is { } value
            ? ScottishTime.LocalOf(value).ToString("d MMMM yyyy HH:mm", CultureInfo.GetCultureInfo("en-GB"))
            : null;
        static string KindOf(UpdateKind kind) => kind == UpdateKind.Meeting ? "A meeting" : "An update";
        conflicts.Compare("Kind", KindOf(current.Kind), KindOf((UpdateKind)Kind));
        conflicts.Compare("The title", current.Title, Title);
        conflicts.Compare("The text", current.Body, Body);
        var meeting = (UpdateKind)Kind == UpdateKind.Meeting;
        conflicts.Compare("Starts", When(current.StartsAt), meeting ? When(StartsAt) : null);
        conflicts.Compare("Place", current.Place, meeting ? Place : null);
        conflicts.Compare("Online link", current.OnlineLink, meeting ? OnlineLink : null);
        Conflicts = conflicts;
        (IsPublished, Version) = (current.IsPublished, Db.VersionOf(current));
        return FormPages.RefuseStale(this, FormPages.StaleMessage("this update"));
    }

    private async Task<ForumUpdate?> LoadAsync(string? slug, int id, CancellationToken cancellationToken)
    {
        var update = await FindAsync(slug, id, cancellationToken);
        if (update is not null)
        {
            (Id, IsPublished) = (update.Id, update.IsPublished);
            await LoadRoutesAsync(cancellationToken);
        }

        return update;
    }
}
