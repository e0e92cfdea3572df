using System.Security.Cryptography;
using CjpPortal.Core.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CjpPortal.Web.Infrastructure.Auth;

/// <summary>Identity's sign-in, with two holes closed.
/// <list type="bullet">
/// <item>Timing: Identity answers at once for an address with no account, a locked account or one without a password
/// yet, but only after a password hash check (PBKDF2, a few hundred milliseconds) for a real one, so the time taken
/// tells an attacker which addresses have accounts. Here every attempt checks one hash with the same hasher: the
/// account's own, or a placeholder's.</item>
/// <item>Recovery codes: Identity neither counts a wrong recovery code towards lockout nor refuses a right one for a
/// locked account, so the codes could be guessed without limit, and a lockout earned with wrong authenticator codes
/// could be stepped round with a recovery code. Here they are treated like authenticator codes.</item>
/// </list></summary>
public sealed class PortalSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>Stands in for the account that does not exist; its password is random and never shown.</summary>
    private static readonly ApplicationUser Placeholder = new() { UserName = "placeholder" };

    private static string? placeholderHash;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            CheckPlaceholderPassword(password);
            return SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(ApplicationUser user, string password, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await PreSignInCheck(user) is { } refused)
        {
            // Locked out (or otherwise not allowed): Identity would answer before checking any hash.
            CheckPlaceholderPassword(password);
            return refused;
        }

        if (!await UserManager.HasPasswordAsync(user))
        {
            // Invited but not set up: Identity finds no hash to check and fails at once. The failure still counts.
            CheckPlaceholderPassword(password);
        }

        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return SignInResult.Failed;
        }

        if (await PreSignInCheck(user) is { } refused)
        {
            return refused;
        }

        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        if (!result.Succeeded && UserManager.SupportsUserLockout)
        {
            await UserManager.AccessFailedAsync(user);
            if (await UserManager.IsLockedOutAsync(user))
            {
                return await LockedOut(user);
            }
        }

        return result;
    }

    private void CheckPlaceholderPassword(string password)
    {
        var hasher = UserManager.PasswordHasher;
        var hash = LazyInitializer.EnsureInitialized(ref placeholderHash,
            () => hasher.HashPassword(Placeholder, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        hasher.VerifyHashedPassword(Placeholder, hash, password ?? string.Empty);
    }
}
