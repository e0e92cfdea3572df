using System.Security.Claims;
using CjpPortal.Core;
using CjpPortal.Core.Identity;
using CjpPortal.Core.Organisations;

namespace CjpPortal.Web.Pages.Manage.Organisations;

/// <summary>The listings the signed-in moderator may act on: every one for CJS staff and administrators; for a
/// coordinator, those in a council area of a partnership they look after, and those covering all of Scotland.</summary>
public static class ModerationScope
{
    public static bool IsNational(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.CjsStaff) || user.IsInRole(Roles.Administrator);
    }

    public static Guid UserId(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;
    }

    public static IQueryable<Organisation> Visible(AppDbContext db, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (IsNational(user))
        {
            return db.Organisations;
        }

        var userId = UserId(user);
        return db.Organisations.Where(o => o.CoversAllOfScotland
            || o.Areas.Any(a => db.PartnershipCoordinators.Any(pc => pc.UserId == userId && pc.PartnershipId == a.CouncilArea.PartnershipId)));
    }
}
