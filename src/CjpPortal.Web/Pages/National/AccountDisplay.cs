using CjpPortal.Core.Identity;
using CjpPortal.Core.Rules;
using CjpPortal.Web.Infrastructure;

namespace CjpPortal.Web.Pages.National;

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

    public static string RoleName(string role) => role switch
    {
        Roles.Coordinator => "Coordinator",
        Roles.CjsStaff => "CJS staff",
        Roles.Administrator => "Administrator",
        _ => role,
    };

    private static string ExpiryDate(DateTimeOffset? expiresAt) =>
        expiresAt is { } at ? Display.Date(ScottishTime.DateOf(at)) : "(unknown)";
}
