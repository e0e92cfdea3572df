using CjpPortal.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Core.Email;

/// <summary>What administrators do to the outbox (/admin/outbox): try a failed message again, cancel a queued one,
/// take an address off the suppression list. Each changes one row only while it is in the state the action is for,
/// so a message the dispatcher has just claimed or sent is left alone. A retry or a cancel is recorded in history
/// (<see cref="HistoryCatalogue.OutboxEmail"/>: the state from and to, by whom, when) in the same transaction.</summary>
public sealed class OutboxAdministration(AppDbContext db, TimeProvider clock)
{
    public const string CancelledError = "Cancelled by an administrator.";

    /// <summary>The audit entity of an administrator's action on a message; it belongs to no partnership.</summary>
    public const string AuditEntity = "OutboxEmail";

    /// <summary>The audit field of an action: the message's state before and after.</summary>
    public const string StatusField = nameof(OutboxEmail.Status);

    /// <summary>A failed message is queued again, due now, with its attempts counted from nothing.</summary>
    public async Task<bool> RetryAsync(long id, AuditActor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await ChangeAsync(id, OutboxEmailStatus.Failed, OutboxEmailStatus.Queued, actor, rows => rows.ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Status, OutboxEmailStatus.Queued)
            .SetProperty(e => e.Attempts, 0)
            .SetProperty(e => e.NextAttemptAt, now)
            .SetProperty(e => e.LastError, (string?)null), cancellationToken), cancellationToken);
    }

    public Task<bool> CancelAsync(long id, AuditActor actor, CancellationToken cancellationToken) =>
        ChangeAsync(id, OutboxEmailStatus.Queued, OutboxEmailStatus.Cancelled, actor, rows => rows.ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Status, OutboxEmailStatus.Cancelled)
            .SetProperty(e => e.LastError, CancelledError), cancellationToken), cancellationToken);

    /// <summary>The message's id as history stores it (audit ids are 32-bit; the outbox would need two billion
    /// messages to outgrow them).</summary>
    public static int HistoryId(long id) => checked((int)id);

    private async Task<bool> ChangeAsync(long id, OutboxEmailStatus from, OutboxEmailStatus to, AuditActor actor,
        Func<IQueryable<OutboxEmail>, Task<int>> update, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await update(db.EmailOutbox.Where(e => e.Id == id && e.Status == from)) != 1)
        {
            return false;
        }

        await db.SaveChangesAuditedAsync(actor, clock,
            entries => [entries.Entry(null, AuditEntity, HistoryId(id), StatusField, from.ToString(), to.ToString())], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> RemoveSuppressionAsync(long id, CancellationToken cancellationToken) =>
        await db.SuppressedAddresses.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken) == 1;
}
