using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Core.Identity;

/// <summary>Who the portal writes to about a partnership: its active coordinators (set up with a password and an
/// authenticator app, not locked out), and active CJS staff, who stand in for a partnership with no active
/// coordinator. One rule for the refresh, the return reminders, problem reports and moderation notices, so an
/// invitation nobody took up or a locked-out account is never the only address a message goes to.</summary>
public static class ActiveRecipients
{
    /// <summary>Whether <paramref name="now"/> finds the account able to act on a message: an address, a password,
    /// an authenticator app and no lockout.</summary>
    public static Expression<Func<ApplicationUser, bool>> IsActive(DateTimeOffset now) =>
        u => u.Email != null && u.PasswordHash != null && u.TwoFactorEnabled && (u.LockoutEnd == null || u.LockoutEnd <= now);

    /// <summary>Active coordinators' addresses by partnership id, for every partnership that has one.</summary>
    public static async Task<Dictionary<int, List<string>>> CoordinatorsAsync(AppDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var active = db.Users.Where(IsActive(now)).Select(u => u.Id);
        var rows = await db.PartnershipCoordinators.AsNoTracking()
            .Where(pc => active.Contains(pc.UserId))
            .OrderBy(pc => pc.User!.NormalizedEmail)
            .Select(pc => new { pc.PartnershipId, Email = pc.User!.Email! })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.PartnershipId).ToDictionary(g => g.Key, g => g.Select(r => r.Email).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }

    /// <summary>The active coordinators of <paramref name="partnershipId"/>, or active CJS staff when it has none,
    /// so a message about the partnership always reaches someone who can sign in.</summary>
    public static async Task<List<string>> ForPartnershipAsync(AppDbContext db, int partnershipId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var active = db.Users.Where(IsActive(now)).Select(u => u.Id);
        var coordinators = await db.PartnershipCoordinators.AsNoTracking()
            .Where(pc => pc.PartnershipId == partnershipId && active.Contains(pc.UserId))
            .OrderBy(pc => pc.User!.NormalizedEmail)
            .Select(pc => pc.User!.Email!)
            .ToListAsync(cancellationToken);
        return coordinators.Count > 0 ? [.. coordinators.Distinct(StringComparer.OrdinalIgnoreCase)] : await CjsStaffAsync(db, now, cancellationToken);
    }

    public static async Task<List<string>> CjsStaffAsync(AppDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var staff = db.UserRoles.Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.CjsStaff)).Select(ur => ur.UserId);
        return await db.Users.AsNoTracking()
            .Where(IsActive(now))
            .Where(u => staff.Contains(u.Id))
            .OrderBy(u => u.NormalizedEmail)
            .Select(u => u.Email!)
            .ToListAsync(cancellationToken);
    }
}
