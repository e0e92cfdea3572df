using CjpPortal.Core;
using CjpPortal.Core.Audit;
using CjpPortal.Core.Identity;
using Microsoft.AspNetCore.Identity;

namespace CjpPortal.Web.Infrastructure.Auth;

/// <summary>The answer to "prove it is still you" on the account pages.</summary>
public enum Reauthentication
{
    Confirmed,
    Wrong,

    /// <summary>Locked after too many wrong passwords or codes, here or at sign-in.</summary>
    LockedOut,
}

/// <summary>What signed-in people do to their own account (/account): change their password and get new recovery
/// codes, each with its history row in one transaction; and reset their own authenticator app, the same action CJS
/// staff take for others (<see cref="AccountAdministration.ResetAuthenticatorAsync"/>).
/// <para>Each asks again for the password or a current authenticator code, and wrong answers count towards the lockout
/// as at sign-in, so a session left open on a shared computer cannot be used to guess the password without limit.</para></summary>
public sealed class AccountSelfService(AppDbContext db, UserManager<ApplicationUser> users, AccountAdministration accounts, TimeProvider clock)
{
    /// <summary>The audit field of an account change: the person changed their own password.</summary>
    public const string PasswordChangedField = "PasswordChanged";

    /// <summary>The audit field of an account change: the person replaced their recovery codes.</summary>
    public const string RecoveryCodesField = "RecoveryCodes";

    public const int RecoveryCodeCount = 10;

    /// <summary>Checks the account's password.</summary>
    public Task<Reauthentication> CheckPasswordAsync(ApplicationUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        return CheckAsync(user, () => users.CheckPasswordAsync(user, password ?? string.Empty));
    }

    /// <summary>Checks the account's password, or a code its authenticator app shows now (each code works once). A
    /// password is never six digits (it has at least 12 characters), so the two cannot be mistaken for each other.</summary>
    public Task<Reauthentication> CheckPasswordOrCodeAsync(ApplicationUser user, string? typed)
    {
        ArgumentNullException.ThrowIfNull(user);
        var code = new string((typed ?? string.Empty).Where(c => !char.IsWhiteSpace(c)).ToArray());
        return code.Length == 6 && code.All(char.IsAsciiDigit)
            ? CheckAsync(user, () => user.TwoFactorEnabled
                ? users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code)
                : Task.FromResult(false))
            : CheckPasswordAsync(user, typed);
    }

    /// <summary>Changes the password (Identity checks <paramref name="currentPassword"/> again and runs the password
    /// validators), which gives the account a new security stamp: every other session ends at its next request.</summary>
    public async Task<IdentityResult> ChangePasswordAsync(ApplicationUser user, string currentPassword, string newPassword, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!result.Succeeded)
        {
            return result;
        }

        Audit(user, PasswordChangedField);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>A new set of recovery codes; the old ones stop working. The codes are returned once and stored only as
    /// Identity stores them.</summary>
    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(ApplicationUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount)
            ?? throw new InvalidOperationException("No recovery codes were made.");
        Audit(user, RecoveryCodesField);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [.. codes];
    }

    /// <summary>Replaces the authenticator app as CJS staff do for others (two-factor off, a new key and security
    /// stamp, the last accepted code's time step forgotten, a history row).</summary>
    public async Task ResetAuthenticatorAsync(ApplicationUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await accounts.ResetAuthenticatorAsync(user.Id, Self(user), cancellationToken);
    }

    /// <summary>The person acting on their own account, as history records them.</summary>
    public static AuditActor Self(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new AuditActor(user.Id, user.Email ?? user.UserName ?? string.Empty);
    }

    private async Task<Reauthentication> CheckAsync(ApplicationUser user, Func<Task<bool>> check)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await users.IsLockedOutAsync(user))
        {
            return Reauthentication.LockedOut;
        }

        if (await check())
        {
            await users.ResetAccessFailedCountAsync(user);
            return Reauthentication.Confirmed;
        }

        await users.AccessFailedAsync(user);
        return await users.IsLockedOutAsync(user) ? Reauthentication.LockedOut : Reauthentication.Wrong;
    }

    private void Audit(ApplicationUser user, string field) =>
        db.AuditEntries.Add(AuditEntries.For(Self(user), clock).Entry(null, AccountAdministration.AccountEntity, 0, field, null, user.Email));
}
