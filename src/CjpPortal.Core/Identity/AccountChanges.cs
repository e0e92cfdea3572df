using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CjpPortal.Core.Identity;

/// <summary>Says, in this process, that accounts changed in a way that copies kept in memory (security stamps,
/// coordinator-account counts) must be read again: a changed security stamp, password or authenticator, a removed
/// account, or a changed role or coordinator appointment. Raised by <see cref="AccountChangeInterceptor"/> after such a
/// save through EF, so the instance that made the change forgets its copies before it answers the request that made it.
/// Every instance, this one included, also hears the database's own notification on <see cref="Channel"/>, sent by
/// triggers on the same tables when the transaction commits, whatever code changed them.</summary>
public sealed class AccountChanges
{
    /// <summary>The PostgreSQL notification channel of the account triggers (Database/Sql/fn_notify_account_change_v1.sql).</summary>
    public const string Channel = "cjp_accounts";

    /// <summary>Raised after accounts changed (in this process, or on any instance when the listener hears it).</summary>
    public event Action? Changed;

    public void Raise() => Changed?.Invoke();
}

/// <summary>Raises <see cref="AccountChanges.Changed"/> after a save that changed what <see cref="AccountChanges"/>
/// describes, and after a failed one too, since part of it may have been written inside a transaction that commits
/// later: forgetting a copy is always safe, keeping a stale one never is.</summary>
public sealed class AccountChangeInterceptor(AccountChanges changes) : SaveChangesInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, object> Pending = [];
    private static readonly object Noted = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        RaiseIfNoted(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        RaiseIfNoted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => RaiseIfNoted(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        RaiseIfNoted(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>Whether a save of <paramref name="context"/>'s tracked changes would change an account's sign-in state,
    /// roles or coordinator appointments.</summary>
    public static bool ChangesAccounts(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var entry in context.ChangeTracker.Entries())
        {
            var changed = entry.Entity switch
            {
                ApplicationUser when entry.State is EntityState.Deleted => true,
                // Identity's store marks every property modified on each update (a sign-in's failed-attempt count
                // too), so the values are compared.
                ApplicationUser when entry.State is EntityState.Modified =>
                    Changed(entry, nameof(ApplicationUser.SecurityStamp))
                    || Changed(entry, nameof(ApplicationUser.PasswordHash))
                    || Changed(entry, nameof(ApplicationUser.TwoFactorEnabled)),
                IdentityUserRole<Guid> or PartnershipCoordinator => entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted,
                _ => false,
            };
            if (changed)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Changed(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, string property)
    {
        var value = entry.Property(property);
        return value.IsModified && !Equals(value.OriginalValue, value.CurrentValue);
    }

    private static void Note(DbContext? context)
    {
        if (context is not null && ChangesAccounts(context))
        {
            Pending.AddOrUpdate(context, Noted);
        }
    }

    private void RaiseIfNoted(DbContext? context)
    {
        if (context is not null && Pending.Remove(context))
        {
            changes.Raise();
        }
    }
}
