using System.Security.Claims;
using CjpPortal.Core;
using CjpPortal.Core.Problems;
using CjpPortal.Web.Pages.Manage.Organisations;

namespace CjpPortal.Web.Pages.Manage.Problems;

/// <summary>Which problem reports the signed-in person may see and resolve: every report for CJS staff and
/// administrators; a coordinator those about the partnerships they are assigned to, and those about the listings they
/// may moderate (<see cref="ModerationScope"/>: in those partnerships' council areas, or covering all of Scotland), so
/// whoever can fix a listing can also read and close what was reported about it. Decided from the signed-in user alone,
/// never from the query or the form.</summary>
public static class ProblemAccess
{
    public static bool SeesAll(ClaimsPrincipal user) => ModerationScope.IsNational(user);

    public static IQueryable<ProblemReport> For(AppDbContext db, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (SeesAll(user))
        {
            return db.ProblemReports;
        }

        var userId = ModerationScope.UserId(user);
        var listings = ModerationScope.Visible(db, user).Select(o => (int?)o.Id);
        return db.ProblemReports.Where(r => db.PartnershipCoordinators.Any(pc => pc.UserId == userId && pc.PartnershipId == r.PartnershipId)
            || (r.OrganisationId != null && listings.Contains(r.OrganisationId)));
    }

    /// <summary>How long ago a report was made, as the queue shows it.</summary>
    public static string Age(DateTimeOffset reportedAt, DateTimeOffset now)
    {
        var age = now - reportedAt;
        return age.TotalDays >= 2 ? $"{(int)age.TotalDays} days"
            : age.TotalDays >= 1 ? "1 day"
            : age.TotalHours >= 2 ? $"{(int)age.TotalHours} hours"
            : age.TotalHours >= 1 ? "1 hour"
            : "less than an hour";
    }
}
