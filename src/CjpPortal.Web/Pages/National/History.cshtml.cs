using CjpPortal.Core;
using CjpPortal.Core.Identity;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.National;

/// <summary>Changes to accounts (invitations, removals, unlocks, authenticator resets), which belong to no partnership, newest first. Changes to a
/// partnership, including who coordinates it, are on that partnership's own history page. Read only.</summary>
public class HistoryModel(AppDbContext db) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;

    public sealed record Row(DateTimeOffset OccurredAt, string UserEmail, string Field, string? OldValue, string? NewValue);

    public async Task OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        var entries = db.AuditEntries.AsNoTracking().Where(a => a.Entity == AccountAdministration.AccountEntity);
        var count = await entries.CountAsync(cancellationToken);
        var paging = Paging.For(count, PageSize, pageNumber);
        (PageNumber, PageCount) = (paging.PageNumber, paging.PageCount);
        Rows = await entries
            .OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Skip(paging.Skip)
            .Take(PageSize)
            .Select(a => new Row(a.OccurredAt, a.UserEmail, a.Field, a.OldValue, a.NewValue))
            .ToListAsync(cancellationToken);
    }

    /// <summary>One account change as a sentence: "Invited as coordinator", "Removed as CJS staff".</summary>
    public static string Describe(Row row)
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

        var role = AccountDisplay.RoleName(row.Field);
        return row switch
        {
            { OldValue: null, NewValue: { } added } => $"{added} invited as {role}",
            { OldValue: { } removed, NewValue: null } => $"{removed} removed as {role}",
            _ => $"{role}: {row.OldValue} to {row.NewValue}",
        };
    }

    public static string When(DateTimeOffset occurredAt) => Manage.Partnerships.HistoryModel.When(occurredAt);
}
