using CjpPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Core.Refresh;

/// <summary>Who the refresh writes to: each partnership's active coordinators (set up with a password and an
/// authenticator app, not locked out), and active CJS staff, who stand in for a partnership with no active
/// coordinator and hear about the partnerships still unconfirmed.</summary>
public static class RefreshRecipients
{
    /// <summary>Active coordinators' addresses by partnership id, for every partnership that has one.</summary>
    public static async Task<Dictionary<int, List<string>>> CoordinatorsAsync(AppDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.PartnershipCoordinators.AsNoTracking()
            .Where(pc => pc.User!.Email != null && pc.User.PasswordHash != null && pc.User.TwoFactorEnabled
                && (pc.User.LockoutEnd == null || pc.User.LockoutEnd <= now))
            .OrderBy(pc => pc.User!.NormalizedEmail)
            .Select(pc => new { pc.PartnershipId, Email = pc.User!.Email! })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.PartnershipId).ToDictionary(g => g.Key, g => g.Select(r => r.Email).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }

    public static async Task<List<string>> CjsStaffAsync(AppDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var staff = db.UserRoles.Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.CjsStaff)).Select(ur => ur.UserId);
        return await db.Users.AsNoTracking()
            .Where(u => staff.Contains(u.Id) && u.Email != null && u.PasswordHash != null && u.TwoFactorEnabled
                && (u.LockoutEnd == null || u.LockoutEnd <= now))
            .OrderBy(u => u.NormalizedEmail)
            .Select(u => u.Email!)
            .ToListAsync(cancellationToken);
    }
}
