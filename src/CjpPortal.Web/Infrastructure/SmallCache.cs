using System.Collections.Concurrent;

namespace CjpPortal.Web.Infrastructure;

/// <summary>A few values kept in this process under keys that name everything they were worked out from (a snapshot's
/// version, a filter, a day), so an old key is never asked for again rather than being evicted: once there are more
/// than its maximum, all are dropped and the next requests work theirs out again. Two requests that miss
/// at once both build the value; the last one kept wins, which is harmless when equal keys mean equal values.</summary>
public sealed class SmallCache<TKey, TValue>(int maxEntries)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> entries = new();

    public bool TryGet(TKey key, out TValue value) => entries.TryGetValue(key, out value!);

    public void Set(TKey key, TValue value)
    {
        if (entries.Count >= maxEntries)
        {
            entries.Clear();
        }

        entries[key] = value;
    }

    public TValue GetOrAdd(TKey key, Func<TValue> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        if (entries.TryGetValue(key, out var kept))
        {
            return kept;
        }

        var built = build();
        Set(key, built);
        return built;
    }
}

/// <summary>A <see cref="SmallCache{TKey, TValue}"/> whose values are handed out for <paramref name="keptFor"/> after
/// they were kept, and then no more (the caller works them out again).</summary>
public sealed class ExpiringCache<TKey, TValue>(int maxEntries, TimeSpan keptFor, TimeProvider clock)
    where TKey : notnull
{
    private readonly SmallCache<TKey, (TValue Value, DateTimeOffset Until)> entries = new(maxEntries);

    public bool TryGet(TKey key, out TValue value)
    {
        if (entries.TryGet(key, out var entry) && entry.Until > clock.GetUtcNow())
        {
            value = entry.Value;
            return true;
        }

        value = default!;
        return false;
    }

    public void Set(TKey key, TValue value) => entries.Set(key, (value, clock.GetUtcNow() + keptFor));
}
