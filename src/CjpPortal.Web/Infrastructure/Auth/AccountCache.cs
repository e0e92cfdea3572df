using System.Collections.Concurrent;
using CjpPortal.Core.Identity;

namespace CjpPortal.Web.Infrastructure.Auth;

/// <summary>This instance's copies of what every signed-in request asks the database: each account's security stamp
/// (<see cref="SecurityStampCheck"/>) and the coordinator accounts the CJS dashboard counts. Both are forgotten
/// whenever accounts change: at once in the process that saved the change (<see cref="AccountChanges"/>), and on every
/// instance when the database's trigger notification arrives (<see cref="PublicCacheListener"/>, which also forgets
/// everything after a lost connection, since notifications sent meanwhile are gone).
/// <para>A copy read from the database is kept only if nothing changed while it was being read: each copy carries the
/// generation it was read in, and one is used only while that is still the current generation, so a read that started
/// before a change and finished after the notification is never kept. Changes are rare (sign-outs, passwords,
/// authenticators, appointments), so forgetting everything each time costs one query per signed-in user.</para>
/// <para>Copies are used only while this instance is listening for the notifications (<see cref="Listening"/>): until
/// the listener's first LISTEN, and while its connection is lost, every request reads the database, so a sign-out on
/// another instance is never missed.</para></summary>
public sealed class AccountCache
{
    /// <summary>More distinct accounts than this (there are a few hundred) and the stamps start afresh.</summary>
    internal const int MaxStamps = 10_000;

    private readonly ConcurrentDictionary<Guid, (string Stamp, long Generation)> stamps = new();
    // A reference, so it is read and written whole.
    private volatile KeptAccounts? coordinators;
    private long generation;

    public AccountCache(AccountChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        changes.Changed += Forget;
    }

    private volatile bool listening;

    /// <summary>Whether this instance hears other instances' changes; set by <see cref="PublicCacheListener"/>.</summary>
    public bool Listening
    {
        get => listening;
        set
        {
            Forget();
            listening = value;
        }
    }

    /// <summary>Forgets every copy (here only).</summary>
    public void Forget()
    {
        Interlocked.Increment(ref generation);
        stamps.Clear();
        coordinators = null;
    }

    /// <summary>The account's current security stamp (null when there is no such account), from the copy or else from
    /// <paramref name="read"/>.</summary>
    public async Task<string?> StampAsync(Guid userId, Func<Task<string?>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (!listening)
        {
            return await read();
        }

        var current = Volatile.Read(ref generation);
        if (stamps.TryGetValue(userId, out var kept) && kept.Generation == current)
        {
            return kept.Stamp;
        }

        var stamp = await read();
        if (stamp is not null)
        {
            if (stamps.Count >= MaxStamps)
            {
                stamps.Clear();
            }

            stamps[userId] = (stamp, current);
        }

        return stamp;
    }

    /// <summary>Every coordinator account, from the copy or else from <paramref name="read"/>.</summary>
    public async Task<IReadOnlyList<CoordinatorAccountItem>> CoordinatorAccountsAsync(Func<Task<IReadOnlyList<CoordinatorAccountItem>>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (!listening)
        {
            return await read();
        }

        var current = Volatile.Read(ref generation);
        if (coordinators is { } kept && kept.Generation == current)
        {
            return kept.Accounts;
        }

        var accounts = await read();
        coordinators = new KeptAccounts(accounts, current);
        return accounts;
    }

    private sealed record KeptAccounts(IReadOnlyList<CoordinatorAccountItem> Accounts, long Generation);
}

/// <summary>A coordinator account (a user still in the coordinator role) of a partnership, and whether it is set up
/// (a password and an authenticator).</summary>
public sealed record CoordinatorAccountItem(int PartnershipId, bool SetUp);
