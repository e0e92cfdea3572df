using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Core.Scheduling;

/// <summary>Claims an occurrence in the caller's transaction.</summary>
public static class Occurrences
{
    /// <summary>Inserts (kind, key) unless it is already there, and says whether this call inserted it. Call it inside
    /// the transaction that queues the occurrence's e-mails: when it returns false, queue nothing. A second instance
    /// trying the same occurrence at the same moment waits for the first one's transaction and then gets false.</summary>
    public static async Task<bool> TryClaimAsync(AppDbContext db, string kind, string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentException.ThrowIfNullOrEmpty(key);
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO scheduled_occurrences (kind, key, occurred_at) VALUES ({kind}, {key}, {now})
            ON CONFLICT (kind, key) DO NOTHING
            """,
            cancellationToken);
        return inserted == 1;
    }

    public static Task<bool> HasOccurredAsync(AppDbContext db, string kind, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.ScheduledOccurrences.AnyAsync(o => o.Kind == kind && o.Key == key, cancellationToken);
    }
}
