using CjpPortal.Core;
using CjpPortal.Core.Updates;
using CjpPortal.Web.Pages.National;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Manage.Partnerships.Updates;

/// <summary>Whose updates a page manages: a partnership's (its coordinators and CJS staff, under
/// /manage/partnerships/{slug}/updates) or the national ones (CJS staff, under /national/updates). The same page
/// models serve both; the folder's policy has already checked the user, and the scope comes from the route only.</summary>
public sealed record UpdateScope(int? PartnershipId, string Name, string? Slug)
{
    public static UpdateScope National { get; } = new(null, "Community Justice Scotland (national updates)", null);

    public static async Task<UpdateScope?> FindAsync(AppDbContext db, string? slug, CancellationToken cancellationToken)
    {
        if (slug is null)
        {
            return National;
        }

        var partnership = await ManagedPartnership.FindAsync(db, slug, cancellationToken);
        return partnership is null ? null : new UpdateScope(partnership.Id, partnership.Name, partnership.Slug);
    }
}

/// <summary>What the update management pages share: the scope from the route, the update it names (only one of that
/// scope's), and the links within the scope.</summary>
public abstract class UpdatePageModel(AppDbContext db, ManageLinks manage, NationalLinks national) : PageModel
{
    public UpdateScope Scope { get; private set; } = UpdateScope.National;

    protected AppDbContext Db => db;

    /// <summary>The page's h1, which its title repeats (after "Error: " when the form has errors).</summary>
    public abstract string Heading { get; }

    public virtual string PageTitle => (ModelState.IsValid ? "" : "Error: ") + Heading;

    public string ListLink => Scope.Slug is { } slug ? manage.Updates(slug) : national.Updates();

    public string NewLink => Scope.Slug is { } slug ? manage.NewUpdate(slug) : national.NewUpdate();

    public string EditLink(int id) => Scope.Slug is { } slug ? manage.EditUpdate(slug, id) : national.EditUpdate(id);

    public string PreviewLink(int id) => Scope.Slug is { } slug ? manage.PreviewUpdate(slug, id) : national.PreviewUpdate(id);

    public string DeleteLink(int id) => Scope.Slug is { } slug ? manage.DeleteUpdate(slug, id) : national.DeleteUpdate(id);

    /// <summary>Where "back" leads from the list: the partnership's management page, or the national home.</summary>
    public string HomeLink => Scope.Slug is { } slug ? manage.Partnership(slug) : national.Home();

    protected async Task<bool> LoadScopeAsync(string? slug, CancellationToken cancellationToken)
    {
        var scope = await UpdateScope.FindAsync(db, slug, cancellationToken);
        if (scope is null)
        {
            return false;
        }

        Scope = scope;
        return true;
    }

    /// <summary>The update <paramref name="id"/>, if it belongs to the scope in the route (tracked, for saving).</summary>
    protected async Task<ForumUpdate?> FindAsync(string? slug, int id, CancellationToken cancellationToken) =>
        await LoadScopeAsync(slug, cancellationToken)
            ? await db.ForumUpdates.Include(u => u.EngagementRoute)
                .SingleOrDefaultAsync(u => u.Id == id && u.PartnershipId == Scope.PartnershipId, cancellationToken)
            : null;
}
