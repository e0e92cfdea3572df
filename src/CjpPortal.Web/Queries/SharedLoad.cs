namespace CjpPortal.Web.Queries;

/// <summary>One value read from the database and shared by every request in this process: loaded on first use,
/// replaced after <see cref="Invalidate"/> (<see cref="Infrastructure.PublicCache"/> calls it on every instance after
/// an edit) or once it is older than its lifetime, in case the database was changed behind the portal's back. A load
/// that fails or is cancelled is not kept. Each load has a new version number in this process, so something
/// computed from one value can be kept until the value is replaced.</summary>
public sealed class SharedLoad<T>(Func<Task<T>> load, Func<TimeSpan> lifetime, TimeProvider clock)
{
    private volatile Entry? current;

    private long lastVersion;

    /// <summary>How many times <see cref="Invalidate"/> has been called.</summary>
    private long invalidations;

    public async Task<(T Value, long Version)> GetAsync(CancellationToken cancellationToken = default)
    {
        var entry = current;
        if (entry is null || entry.Invalidations != Interlocked.Read(ref invalidations)
            || entry.Load.IsFaulted || entry.Load.IsCanceled || clock.GetUtcNow() >= entry.ExpiresAt)
        {
            // Counted before the load starts: an Invalidate that comes after the load began reading (so perhaps before
            // the edit it follows) but before the entry is stored below would otherwise leave this entry current after
            // it, until it expires. With the count the entry is stored, but the next caller loads again.
            var seen = Interlocked.Read(ref invalidations);
            // Task.Run: a first load builds the EF model and compiles its queries before it first awaits, and until
            // the entry is stored here any other caller (the start-up load, a burst of first requests) would start a
            // load of its own. Not tied to one request's cancellation: other requests may be waiting on the same load.
            entry = new Entry(Task.Run(load), clock.GetUtcNow() + lifetime(), Interlocked.Increment(ref lastVersion), seen);
            current = entry;
        }

        return (await entry.Load.WaitAsync(cancellationToken), entry.Version);
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref invalidations);
        current = null;
    }

    private sealed record Entry(Task<T> Load, DateTimeOffset ExpiresAt, long Version, long Invalidations);
}
