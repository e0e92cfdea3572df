using System.Security.Claims;
using CjpPortal.Core;
using CjpPortal.Core.Audit;
using CjpPortal.Core.Identity;
using CjpPortal.Core.Rules;
using CjpPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Manage.Partnerships;

/// <summary>What the pages for editing one partnership share. The PartnershipEditor policy on the folder has already
/// checked that the user may edit the partnership in the URL. Their addresses are in <see cref="Manage.ManageLinks"/>; form
/// handling in general is in <see cref="FormPages"/>.</summary>
public static class PartnershipPages
{
    /// <summary>The public pages are built from cached directory data; drop it so the change shows at once.</summary>
    public static async Task PublishedAsync(PublicCache cache, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cache);
        await cache.EvictAsync(cancellationToken);
    }

    /// <summary>CJS staff (or an administrator) rather than the partnership's coordinator.</summary>
    public static bool ActsForCjs(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.CjsStaff) || user.IsInRole(Roles.Administrator);
    }

    /// <summary>Confirms the whole entry of <paramref name="slug"/> is up to date as of today (a Scottish date), with its
    /// history row, and says whose name the public page shows. Returns the partnership's name, or null when there is no
    /// such partnership. Used by the editing overview and by the annual review.</summary>
    public static async Task<string?> ConfirmAsync(
        AppDbContext db, TimeProvider clock, PublicCache cache, ClaimsPrincipal user, string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var partnership = await db.Partnerships.SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        if (partnership is null)
        {
            return null;
        }

        partnership.LastConfirmedOn = ScottishTime.Today(clock);
        var actor = FormPages.Actor(user);
        partnership.LastConfirmedByCjsStaff = ActsForCjs(user)
            && !await db.PartnershipCoordinators.AnyAsync(pc => pc.UserId == actor.UserId && pc.PartnershipId == partnership.Id, cancellationToken);
        await db.SaveChangesAuditedAsync(actor, clock, cancellationToken);
        await PublishedAsync(cache, cancellationToken);
        return partnership.Name;
    }
}
