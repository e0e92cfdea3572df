using CjpPortal.Core.Audit;
using CjpPortal.Core.Identity;
using CjpPortal.Web.Queries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CjpPortal.Web.Pages.National;

/// <summary>Changes to accounts (invitations, removals, unlocks, authenticator resets), which belong to no partnership, newest first. Changes to a
/// partnership, including who coordinates it, are on that partnership's own history page. Read only.</summary>
public class HistoryModel(HistoryQueries history) : PageModel
{
    public const int PageSize = HistoryQueries.PageSize;

    public IReadOnlyList<AccountHistoryRow> Rows { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;

    public async Task OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        var page = await history.AccountsAsync(pageNumber, cancellationToken);
        (Rows, PageNumber, PageCount) = (page.Rows, page.PageNumber, page.PageCount);
    }

    /// <summary>One account change as a sentence: "Invited as coordinator", "Removed as CJS staff".</summary>
    public static string Describe(AccountHistoryRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Field == "Invitation")
        {
            return $"Invitation {row.NewValue}";
        }

        if (row.Field == AccountAdministration.UnlockedField)
        {
            return $"{row.NewValue} unlocked after too many wrong attempts";
        }

        if (row.Field == AccountAdministration.AuthenticatorResetField)
        {
            return $"Authenticator app reset for {row.NewValue}";
        }

        // Changes people make to their own account (/account).
        if (row.Field == Infrastructure.Auth.AccountSelfService.PasswordChangedField)
        {
            return $"Password changed for {row.NewValue}";
        }

        if (row.Field == Infrastructure.Auth.AccountSelfService.RecoveryCodesField)
        {
            return $"New recovery codes for {row.NewValue}";
        }

        var role = HistoryCatalogue.FieldLabel(AccountAdministration.AccountEntity, row.Field);
        return row switch
        {
            { OldValue: null, NewValue: { } added } => $"{added} invited as {role}",
            { OldValue: { } removed, NewValue: null } => $"{removed} removed as {role}",
            _ => $"{role}: {row.OldValue} to {row.NewValue}",
        };
    }

    public static string When(DateTimeOffset occurredAt) => Manage.Partnerships.HistoryModel.When(occurredAt);
}
