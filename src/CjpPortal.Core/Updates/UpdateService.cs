using CjpPortal.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Core.Updates;

/// <summary>Saving, publishing and correcting updates: who and when, the history, and (on publishing, or a correction
/// the author asks to send) <see cref="IUpdateNotifier"/>, all in one transaction.</summary>
public sealed class UpdateService(AppDbContext db, TimeProvider clock, IUpdateNotifier notifier)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Saves a new or edited update (tracked by this service's context) with its history.</summary>
    public async Task SaveAsync(ForumUpdate update, AuditActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(actor);
        if (db.Entry(update).State == EntityState.Detached)
        {
            db.ForumUpdates.Add(update);
        }

        Stamp(update, actor);
        await db.SaveChangesAuditedAsync(actor, clock, cancellationToken);
    }

    /// <summary>Publishes a draft now and tells subscribers; false (nothing saved) when it was already published.</summary>
    public async Task<bool> PublishAsync(ForumUpdate update, AuditActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(actor);
        if (update.IsPublished)
        {
            return false;
        }

        update.PublishedAt = Now;
        await SaveAndNotifyAsync(update, actor, notify: true, cancellationToken);
        return true;
    }

    /// <summary>Saves a correction of a published update (changed by the caller); subscribers hear of it only when
    /// <paramref name="notify"/> is set.</summary>
    public async Task CorrectAsync(ForumUpdate update, bool notify, AuditActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(actor);
        if (!update.IsPublished)
        {
            throw new InvalidOperationException("Only a published update is corrected; save a draft instead.");
        }

        update.CorrectedAt = Now;
        await SaveAndNotifyAsync(update, actor, notify, cancellationToken);
    }

    /// <summary>Deletes a draft (a published update stays: it may have been sent and linked to).</summary>
    public async Task<bool> DeleteDraftAsync(ForumUpdate update, AuditActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.IsPublished)
        {
            return false;
        }

        db.ForumUpdates.Remove(update);
        await db.SaveChangesAuditedAsync(actor, clock, cancellationToken);
        return true;
    }

    private async Task SaveAndNotifyAsync(ForumUpdate update, AuditActor actor, bool notify, CancellationToken cancellationToken)
    {
        Stamp(update, actor);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAuditedAsync(actor, clock, cancellationToken);
        if (notify)
        {
            await notifier.UpdatePublishedAsync(db, update, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private void Stamp(ForumUpdate update, AuditActor actor)
    {
        var now = Now;
        if (update.Id == 0)
        {
            (update.CreatedAt, update.CreatedById) = (now, actor.UserId);
        }

        (update.UpdatedAt, update.UpdatedById) = (now, actor.UserId);
    }
}
