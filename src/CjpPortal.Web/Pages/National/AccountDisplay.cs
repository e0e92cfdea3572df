using CjpPortal.Core.Audit;
using CjpPortal.Core.Identity;
using CjpPortal.Core.Rules;
using CjpPortal.Web.Infrastructure;

namespace CjpPortal.Web.Pages.National;

/// <summary>The model of the _AccountSignInHelp partial: the account, and where its authenticator reset is confirmed.</summary>
public sealed record SignInHelp(AccountSummary Account, string ResetAuthenticatorUrl);

/// <summary>What the account pages for CJS staff and administrators share: how an account's status reads, and the
/// messages on an e-mail address typed into an invitation form.</summary>
public static class AccountDisplay
{
    public const int EmailMaxLength = 256;

    /// <summary>The messages on an invitation's e-mail address, on top of the format rule ([PlainEmail]).</summary>
    public const string EmailMissingMessage = "Enter an email address";

    public const string EmailTooLongMessage = "The email address must be {1} characters or fewer";

    /// <summary>The status as a short phrase and the design system tag colour for it.</summary>
    public static (string Text, string TagClass) Status(AccountSummary account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account.Status switch
        {
            AccountStatus.Invited => ($"Invited: the link expires on {ExpiryDate(account.InvitationExpiresAt)}", "ds_tag--blue"),
            AccountStatus.InvitationExpired => ("Invitation expired", "ds_tag--orange"),
            AccountStatus.NoAuthenticator => ("No authenticator app yet", "ds_tag--yellow"),
            AccountStatus.LockedOut => ("Locked out after wrong passwords or codes", "ds_tag--red"),
            _ => ("Active", "ds_tag--green"),
        };
    }

    /// <summary>Whether CJS staff may unlock the account or reset its authenticator app from the coordinator pages: not
    /// if it also has national access, which is an administrator's to look after (/admin/staff), so no one can weaken
    /// the sign-in of an account with more access than their own.</summary>
    public static bool IsCoordinatorOnly(AccountSummary account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account.Roles.All(role => role == Roles.Coordinator);
    }

    /// <summary>The one-time banner after an unlock.</summary>
    public static string UnlockedBanner(AccountSummary account, bool unlocked)
    {
        ArgumentNullException.ThrowIfNull(account);
        return unlocked
            ? $"{account.Email} can sign in again: their account is unlocked."
            : "Nothing was changed: the account was not locked out. Check the details below.";
    }

    /// <summary>The one-time banner after an authenticator reset.</summary>
    public static string AuthenticatorResetBanner(AccountSummary account, bool reset)
    {
        ArgumentNullException.ThrowIfNull(account);
        return reset
            ? $"{account.Email}’s authenticator app has been reset and they have been signed out. The next time they sign in with their password, they will set up an authenticator app again."
            : "Nothing was changed: the account had no authenticator app. Check the details below.";
    }

    public static string RoleName(string role) => HistoryCatalogue.Account.FieldLabel(role);

    private static string ExpiryDate(DateTimeOffset? expiresAt) =>
        expiresAt is { } at ? Display.Date(ScottishTime.DateOf(at)) : "(unknown)";
}
