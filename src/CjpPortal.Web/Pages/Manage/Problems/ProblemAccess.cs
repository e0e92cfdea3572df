using System.Security.Claims;
using CjpPortal.Core;
using CjpPortal.Core.Identity;
using CjpPortal.Core.Problems;

namespace CjpPortal.Web.Pages.Manage.Problems;

/// <summary>Which problem reports the signed-in person may see and resolve: every report for CJS staff and
/// administrators; a coordinator only those about the partnerships they are assigned to, and those about listings
/// working in those partnerships' council areas (the listings they moderate; a listing covering all of Scotland is
/// CJS staff's). Decided from the signed-in
/// user alone, never from the query or the form.</summary>
public static class ProblemAccess
{
    public static bool SeesAll(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.CjsStaff) || user.IsInRole(Roles.Administrator);
    }

    public static IQueryable<ProblemReport> For(AppDbContext db, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (SeesAll(user))
        {
            return db.ProblemReports;
        }

        var userId = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;
        return db.ProblemReports.Where(r => db.PartnershipCoordinators.Any(pc => pc.UserId == userId
            && (pc.PartnershipId == r.PartnershipId
                || db.OrganisationAreas.Any(a => a.OrganisationId == r.OrganisationId && a.CouncilArea.PartnershipId == pc.PartnershipId))));
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
