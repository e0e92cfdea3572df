using CjpPortal.Core.Email;
using CjpPortal.Core.Scheduling;

namespace CjpPortal.Core.Refresh;

/// <summary>Queues the e-mails of one occurrence exactly once: the claim and the outbox rows commit together, so a
/// second instance, a second run or a restart after a crash finds the occurrence taken and queues nothing.</summary>
public static class ScheduledMail
{
    /// <summary>True when this call claimed the occurrence and queued <paramref name="messages"/>. <paramref name="stillWanted"/>
    /// is checked inside the transaction, after the claim (a coordinator may have confirmed a moment ago); when it
    /// says no, nothing is claimed or queued.</summary>
    public static async Task<bool> SendOnceAsync(
        AppDbContext db,
        IEmailOutbox outbox,
        string kind,
        string key,
        DateTimeOffset now,
        IReadOnlyCollection<EmailMessage> messages,
        Func<Task<bool>>? stillWanted,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await Occurrences.TryClaimAsync(db, kind, key, now, cancellationToken) || (stillWanted is not null && !await stillWanted()))
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        foreach (var message in messages)
        {
            outbox.Enqueue(message);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
