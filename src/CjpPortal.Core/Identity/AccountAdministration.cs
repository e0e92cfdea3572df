using CjpPortal.Core.Audit;
using CjpPortal.Core.Rules;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Core.Identity;

/// <summary>Where an account is in its life: invited, set up, or locked out.</summary>
public enum AccountStatus
{
    /// <summary>Invited; the link still works.</summary>
    Invited,

    /// <summary>Invited, but the link has expired (or was never sent); a new invitation is needed.</summary>
    InvitationExpired,

    /// <summary>Has a password but no authenticator app yet, so cannot open any editing page.</summary>
    NoAuthenticator,

    Active,

    /// <summary>Locked after too many wrong passwords or codes.</summary>
    LockedOut,
}

public sealed record PartnershipRef(int Id, string Name, string Slug);

/// <summary>An account as CJS staff and administrators see it in their lists.</summary>
public sealed record AccountSummary(
    Guid Id,
    string Email,
    AccountStatus Status,
    DateTimeOffset? InvitationExpiresAt,
    IReadOnlyList<string> Roles,
    IReadOnlyList<PartnershipRef> Partnerships)
{
    /// <summary>Two-factor authentication is set up (whatever the status: a locked-out account may have it too).</summary>
    public bool HasAuthenticator { get; init; }

    /// <summary>The person never set a password: only an invitation was sent, so removing them signs nobody out.</summary>
    public bool NeverSignedIn => Status is AccountStatus.Invited or AccountStatus.InvitationExpired;
}

public enum InviteOutcome
{
    Invited,

    /// <summary>Someone with this e-mail address already has an account.</summary>
    AlreadyHasAccount,
}

public enum RemoveOutcome
{
    Removed,
    NotFound,

    /// <summary>Administrators cannot remove their own account, so there is always someone to invite the next one.</summary>
    CannotRemoveSelf,

    LastAdministrator,
}

/// <summary>What CJS staff and administrators do to accounts: invite, resend, remove, unlock, reset the authenticator
/// app, and assign coordinators to partnerships. Each action runs in one transaction with its history (audit entries) and its e-mail (the outbox), so
/// none is half done. Removing an account changes its security stamp or deletes it, which signs the person out
/// everywhere at the next stamp check.</summary>
public sealed class AccountAdministration(
    AppDbContext db,
    UserManager<ApplicationUser> users,
    InvitationService invitations,
    TimeProvider clock)
{
    /// <summary>The audit entity for account changes; they belong to no partnership.</summary>
    public const string AccountEntity = "Account";

    /// <summary>The audit field on a partnership listing its coordinators' e-mail addresses.</summary>
    public const string CoordinatorsField = "Coordinators";

    /// <summary>The audit field of an account change: a lockout lifted by CJS staff or an administrator.</summary>
    public const string UnlockedField = "Unlocked";

    /// <summary>The audit field of an account change: the authenticator app reset, so the person sets it up again.</summary>
    public const string AuthenticatorResetField = "AuthenticatorReset";

    /// <summary>The PostgreSQL advisory lock (<c>pg_advisory_xact_lock</c>) taken by every change that can take away
    /// an administrator, so two such changes never both see the other administrator still there.</summary>
    public const long AdministratorsLockKey = 0x636A_7001;

    /// <summary>How many accounts hold any of <paramref name="roles"/>.</summary>
    public Task<int> CountAsync(IReadOnlyCollection<string> roles, CancellationToken cancellationToken = default) =>
        UsersInRoles(roles).CountAsync(cancellationToken);

    /// <summary>Accounts holding any of <paramref name="roles"/>, by e-mail address, one page at a time.</summary>
    public async Task<IReadOnlyList<AccountSummary>> ListAsync(
        IReadOnlyCollection<string> roles, int skip, int take, CancellationToken cancellationToken = default)
    {
        var ids = UsersInRoles(roles);
        var page = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id))
            .OrderBy(u => u.NormalizedEmail)
            .Skip(skip).Take(take)
            .Select(u => u.Id)
            .ToListAsync(cancellationToken);
        var summaries = await SummariesAsync(page, cancellationToken);
        return [.. page.Select(id => summaries[id])];
    }

    /// <summary>The account, if it exists and holds one of <paramref name="roles"/>.</summary>
    public async Task<AccountSummary?> FindAsync(Guid id, IReadOnlyCollection<string> roles, CancellationToken cancellationToken = default)
    {
        if (!await UsersInRoles(roles).AnyAsync(u => u == id, cancellationToken))
        {
            return null;
        }

        return (await SummariesAsync([id], cancellationToken))[id];
    }

    /// <summary>Creates an account with <paramref name="role"/>, assigns it to <paramref name="partnershipIds"/> and
    /// e-mails an invitation link.</summary>
    public async Task<(InviteOutcome Outcome, Guid? UserId)> InviteAsync(
        string email, string role, IReadOnlyCollection<int> partnershipIds, AuditActor actor, Uri baseUri, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partnershipIds);
        ArgumentNullException.ThrowIfNull(actor);
        email = EmailAddress.Normalise(email) ?? throw new ArgumentException("An e-mail address is needed.", nameof(email));
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            return (InviteOutcome.AlreadyHasAccount, existing.Id);
        }

        var ids = partnershipIds.Distinct().ToList();
        var names = await db.Partnerships.Where(p => ids.Contains(p.Id)).OrderBy(p => p.Name).Select(p => p.Name).ToListAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await invitations.InviteAsync(email, role, baseUri, actor.Email, names, cancellationToken);
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("The invited account was not created.");
        Audit(actor, null, AccountEntity, 0, role, null, email);
        foreach (var partnershipId in partnershipIds.Distinct())
        {
            await AssignCoreAsync(user, partnershipId, actor, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (InviteOutcome.Invited, user.Id);
    }

    /// <summary>Sends a new invitation link to someone who has not yet set a password; earlier links stop working.
    /// Returns false if the account does not exist or is already set up.</summary>
    public async Task<bool> ResendAsync(Guid userId, string role, AuditActor actor, Uri baseUri, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var user = await users.FindByIdAsync(userId.ToString());
        if (user?.Email is null || await users.HasPasswordAsync(user))
        {
            return false;
        }

        var names = await db.PartnershipCoordinators.Where(pc => pc.UserId == userId).OrderBy(pc => pc.Partnership!.Name).Select(pc => pc.Partnership!.Name).ToListAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await invitations.InviteAsync(user.Email, role, baseUri, actor.Email, names, cancellationToken);
        Audit(actor, null, AccountEntity, 0, "Invitation", null, $"sent again to {user.Email}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Lets a coordinator edit a partnership. Returns false if they already could, or either does not exist.</summary>
    public async Task<bool> AssignAsync(Guid userId, int partnershipId, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || !await db.Partnerships.AnyAsync(p => p.Id == partnershipId, cancellationToken)
            || await db.PartnershipCoordinators.AnyAsync(pc => pc.UserId == userId && pc.PartnershipId == partnershipId, cancellationToken))
        {
            return false;
        }

        await AssignCoreAsync(user, partnershipId, actor, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Stops a coordinator editing a partnership. Returns false if they could not anyway.</summary>
    public async Task<bool> UnassignAsync(Guid userId, int partnershipId, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var assignment = await db.PartnershipCoordinators.Include(pc => pc.User)
            .SingleOrDefaultAsync(pc => pc.UserId == userId && pc.PartnershipId == partnershipId, cancellationToken);
        if (assignment is null)
        {
            return false;
        }

        var before = await CoordinatorEmailsAsync(partnershipId, cancellationToken);
        db.PartnershipCoordinators.Remove(assignment);
        Audit(actor, partnershipId, HistoryCatalogue.Partnership.Entity, partnershipId, CoordinatorsField,
            Joined(before), Joined(before.Where(e => e != assignment.User!.Email)));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Takes <paramref name="roles"/> away from the account. An account left with no role is deleted; one that
    /// keeps another role gets a new security stamp. Either way the person is signed out everywhere.</summary>
    public async Task<RemoveOutcome> RemoveAsync(Guid userId, IReadOnlyCollection<string> roles, AuditActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(actor);
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return RemoveOutcome.NotFound;
        }

        var held = (await users.GetRolesAsync(user)).ToList();
        var removing = held.Intersect(roles, StringComparer.Ordinal).ToList();
        if (removing.Count == 0)
        {
            return RemoveOutcome.NotFound;
        }

        if (removing.Contains(Roles.Administrator) && userId == actor.UserId)
        {
            return RemoveOutcome.CannotRemoveSelf;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (removing.Contains(Roles.Administrator))
        {
            // Counted under a lock held to the end of the transaction: otherwise two administrators removing each
            // other at the same moment would both count two administrators, both go ahead, and leave none.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdministratorsLockKey})", cancellationToken);
            if ((await users.GetUsersInRoleAsync(Roles.Administrator)).Count <= 1)
            {
                return RemoveOutcome.LastAdministrator;
            }
        }

        if (removing.Contains(Roles.Coordinator))
        {
            var assigned = await db.PartnershipCoordinators.Where(pc => pc.UserId == userId).Select(pc => pc.PartnershipId).ToListAsync(cancellationToken);
            foreach (var partnershipId in assigned)
            {
                await UnassignAsync(userId, partnershipId, actor, cancellationToken);
            }
        }

        foreach (var role in removing)
        {
            Audit(actor, null, AccountEntity, 0, role, user.Email, null);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (held.Count == removing.Count)
        {
            Check(await users.DeleteAsync(user));
        }
        else
        {
            Check(await users.RemoveFromRolesAsync(user, removing));
            await RevokeOpenInvitationsAsync(userId, cancellationToken);
            Check(await users.UpdateSecurityStampAsync(user));
        }

        await transaction.CommitAsync(cancellationToken);
        return RemoveOutcome.Removed;
    }

    /// <summary>Lifts a lockout (after too many wrong passwords or codes) so the person can sign in again at once.
    /// Returns false if the account does not exist or is not locked out.</summary>
    public async Task<bool> UnlockAsync(Guid userId, AuditActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || !await users.IsLockedOutAsync(user))
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
        Audit(actor, null, AccountEntity, 0, UnlockedField, null, user.Email);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>For someone who has lost their authenticator app: turns two-factor authentication off and replaces the
    /// key, which changes the security stamp and so signs them out everywhere at once, and forgets the last accepted
    /// code's time step (<see cref="AuthenticatorSteps"/>). At their next sign-in with their
    /// password they set up an authenticator app again (and get new recovery codes) before any editing page opens.
    /// Returns false if the account does not exist or has no authenticator app.</summary>
    public async Task<bool> ResetAuthenticatorAsync(Guid userId, AuditActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || !user.TwoFactorEnabled)
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Check(await users.SetTwoFactorEnabledAsync(user, false));
        // Also changes the security stamp.
        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.RemoveAuthenticationTokenAsync(user, AuthenticatorSteps.TokenLoginProvider, AuthenticatorSteps.LastStepTokenName));
        Audit(actor, null, AccountEntity, 0, AuthenticatorResetField, null, user.Email);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private IQueryable<Guid> UsersInRoles(IReadOnlyCollection<string> roles) =>
        db.UserRoles.Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))).Select(ur => ur.UserId).Distinct();

    private async Task<Dictionary<Guid, AccountSummary>> SummariesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var accounts = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, HasPassword = u.PasswordHash != null, u.TwoFactorEnabled, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        var roles = await db.UserRoles.AsNoTracking().Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var partnerships = await db.PartnershipCoordinators.AsNoTracking().Where(pc => ids.Contains(pc.UserId))
            .OrderBy(pc => pc.Partnership!.Name)
            .Select(pc => new { pc.UserId, Partnership = new PartnershipRef(pc.PartnershipId, pc.Partnership!.Name, pc.Partnership.Slug) })
            .ToListAsync(cancellationToken);
        var openInvitations = await db.Invitations.AsNoTracking()
            .Where(i => ids.Contains(i.UserId) && i.UsedAt == null && i.RevokedAt == null)
            .GroupBy(i => i.UserId)
            .Select(g => new { UserId = g.Key, ExpiresAt = g.Max(i => i.ExpiresAt) })
            .ToDictionaryAsync(i => i.UserId, i => i.ExpiresAt, cancellationToken);

        var now = clock.GetUtcNow();
        // Identity sets and checks lockouts by the wall clock (UserManager takes no TimeProvider), so the status does
        // too; otherwise a test clock, or any clock other than Identity's, would show a lockout that is not there.
        var lockoutNow = TimeProvider.System.GetUtcNow();
        return accounts.ToDictionary(a => a.Id, a =>
        {
            var expires = openInvitations.TryGetValue(a.Id, out var e) ? e : (DateTimeOffset?)null;
            var status = a switch
            {
                { LockoutEnd: { } end } when end > lockoutNow => AccountStatus.LockedOut,
                { HasPassword: false } when expires > now => AccountStatus.Invited,
                { HasPassword: false } => AccountStatus.InvitationExpired,
                { TwoFactorEnabled: false } => AccountStatus.NoAuthenticator,
                _ => AccountStatus.Active,
            };
            return new AccountSummary(
                a.Id,
                // Shown in lower case wherever it is shown, whatever case an older row was stored in.
                EmailAddress.Normalise(a.Email) ?? string.Empty,
                status,
                a.HasPassword ? null : expires,
                [.. roles.Where(r => r.UserId == a.Id).Select(r => r.Name ?? string.Empty).Order(StringComparer.Ordinal)],
                [.. partnerships.Where(p => p.UserId == a.Id).Select(p => p.Partnership)])
            {
                HasAuthenticator = a.TwoFactorEnabled,
            };
        });
    }

    private async Task AssignCoreAsync(ApplicationUser user, int partnershipId, AuditActor actor, CancellationToken cancellationToken)
    {
        var before = await CoordinatorEmailsAsync(partnershipId, cancellationToken);
        db.PartnershipCoordinators.Add(new PartnershipCoordinator { UserId = user.Id, PartnershipId = partnershipId });
        Audit(actor, partnershipId, HistoryCatalogue.Partnership.Entity, partnershipId, CoordinatorsField, Joined(before), Joined(before.Append(user.Email ?? string.Empty)));
    }

    private Task<List<string>> CoordinatorEmailsAsync(int partnershipId, CancellationToken cancellationToken) =>
        db.PartnershipCoordinators.AsNoTracking().Where(pc => pc.PartnershipId == partnershipId)
            .Select(pc => pc.User!.Email ?? string.Empty).ToListAsync(cancellationToken);

    private async Task RevokeOpenInvitationsAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var invitation in await db.Invitations.Where(i => i.UserId == userId && i.UsedAt == null && i.RevokedAt == null).ToListAsync(cancellationToken))
        {
            invitation.RevokedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static string? Joined(IEnumerable<string> emails)
    {
        var list = emails.Order(StringComparer.OrdinalIgnoreCase).ToList();
        return list.Count == 0 ? null : string.Join(", ", list);
    }

    private void Audit(AuditActor actor, int? partnershipId, string entity, int entityId, string field, string? oldValue, string? newValue) =>
        db.AuditEntries.Add(AuditEntries.For(actor, clock).Entry(partnershipId, entity, entityId, field, oldValue, newValue));

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
