using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Core.Email;

/// <summary>What administrators do to the outbox (/admin/outbox): try a failed message again, cancel a queued one,
/// take an address off the suppression list. Each changes one row only while it is in the state the action is for,
/// so a message the dispatcher has just claimed or sent is left alone.</summary>
public sealed class OutboxAdministration(AppDbContext db, TimeProvider clock)
{
    public const string CancelledError = "Cancelled by an administrator.";

    /// <summary>A failed message is queued again, due now, with its attempts counted from nothing.</summary>
    public async Task<bool> RetryAsync(long id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.EmailOutbox.Where(e => e.Id == id && e.Status == OutboxEmailStatus.Failed).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Status, OutboxEmailStatus.Queued)
            .SetProperty(e => e.Attempts, 0)
            .SetProperty(e => e.NextAttemptAt, now)
            .SetProperty(e => e.LastError, (string?)null), cancellationToken) == 1;
    }

    public async Task<bool> CancelAsync(long id, CancellationToken cancellationToken) =>
        await db.EmailOutbox.Where(e => e.Id == id && e.Status == OutboxEmailStatus.Queued).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Status, OutboxEmailStatus.Cancelled)
            .SetProperty(e => e.LastError, CancelledError), cancellationToken) == 1;

    public async Task<bool> RemoveSuppressionAsync(long id, CancellationToken cancellationToken) =>
        await db.SuppressedAddresses.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken) == 1;
}
