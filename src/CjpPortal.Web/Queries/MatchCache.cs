using System.Collections.Concurrent;

namespace CjpPortal.Web.Queries;

/// <summary>What PostgreSQL answered to the word matches of searches (the organisation search, the Open Referral
/// services list), kept by one <see cref="ListingIndex"/> so that a repeated search runs no SQL. Bounded: at most
/// <c>maxEntries</c> entries (<see cref="PortalOptions.SearchMatchCacheEntries"/>; 0 turns the cache off) and
/// <see cref="MaxRows"/> rows (ids, with their scores) in all, about 10 MB; once either is reached nothing more is
/// added, and the searches that miss ask PostgreSQL as before until the index is replaced (at most
/// <see cref="PortalOptions.PublicPageCacheSeconds"/> later).
/// <para>Why an answer kept here is never older than the data it is used with: the cache lives and dies with its
/// index, which <see cref="ListingIndexCache"/> replaces after every edit of a listing, a service or an engagement
/// route (<see cref="Infrastructure.PublicCache.EvictAsync"/>, called by the page once the edit is committed, and by
/// NOTIFY on the other instances), and after its time-to-live. A search takes the index first and only then runs its
/// SQL, and stores the answer in that same index. An answer read before an edit committed is therefore stored in an
/// index loaded before the edit too, which that edit's eviction drops; no answer can reach the index loaded after the
/// edit unless its SQL ran after that index was taken, so after the edit committed. Searches that take the index
/// between the commit and the eviction store post-edit answers in the old index, which the eviction drops all the
/// same.</para>
/// <para>Keys are records with value equality naming everything that goes into the SQL; answers are shared between
/// requests and must never be changed by them.</para></summary>
public sealed class MatchCache(int maxEntries)
{
    /// <summary>Rows (ids and scores) kept in all, across entries.</summary>
    public const int MaxRows = 250_000;

    private readonly ConcurrentDictionary<object, object> entries = new();
    private int count;
    private long rows;

    /// <summary>The answer kept for <paramref name="key"/>, or else <paramref name="run"/>'s, which is kept if the
    /// bounds allow. <paramref name="key"/> must have value equality (a record) and name every input of the SQL.</summary>
    public async Task<T> GetOrRunAsync<T>(object key, Func<Task<T>> run, Func<T, int> rowsOf)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(rowsOf);
        if (maxEntries <= 0)
        {
            return await run();
        }

        if (entries.TryGetValue(key, out var kept))
        {
            return (T)kept;
        }

        var answer = await run();
        TryKeep(key, answer, rowsOf(answer));
        return answer;
    }

    /// <summary>Reserves the entry and its rows before adding, so concurrent misses cannot pass the bounds together;
    /// a reservation that does not fit, or a key another request kept first, is given back.</summary>
    private void TryKeep(object key, object answer, int size)
    {
        if (Interlocked.Increment(ref count) <= maxEntries)
        {
            if (Interlocked.Add(ref rows, size) <= MaxRows && entries.TryAdd(key, answer))
            {
                return;
            }

            Interlocked.Add(ref rows, -size);
        }

        Interlocked.Decrement(ref count);
    }
}
