using CjpPortal.Core;
using CjpPortal.Core.Identity;
using CjpPortal.Core.Rules;
using CjpPortal.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CjpPortal.Web.Queries;

/// <summary>One partnership on the CJS dashboard: who it is, and its standing for the chosen reporting year.</summary>
public sealed record DashboardRow(
    int Id,
    string Name,
    string Slug,
    IReadOnlyList<AreaListItem> Areas,
    DateOnly? LastConfirmedOn,
    PartnershipStanding Standing);

/// <summary>The read side of the CJS dashboard: the partnerships with their plans and returns come from the directory
/// snapshot (<see cref="DirectorySnapshotCache"/>, the read model the public pages share: every plan and return, drafts
/// included, reloaded after any edit on any instance through <see cref="Infrastructure.PublicCache"/>), and coordinator
/// accounts, which the snapshot does not hold, from one SQL statement kept by <see cref="AccountCache"/> until accounts
/// change on any instance; the standing of each is worked out by the Core rules from the same "today".</summary>
public sealed class DashboardQueries(AppDbContext db, DirectorySnapshotCache snapshots, AccountCache accountCache, DashboardRowsCache rowsCache, TimeProvider clock, IOptions<PortalOptions> options)
{
    /// <summary>Each partnership's coordinator accounts (users still in the coordinator role), and whether each is set
    /// up (a password and an authenticator). Compiled once.</summary>
    private static readonly Func<AppDbContext, IAsyncEnumerable<CoordinatorAccountItem>> CoordinatorAccounts =
        EF.CompileAsyncQuery((AppDbContext db) => db.PartnershipCoordinators.AsNoTracking()
            .Where(pc => db.UserRoles.Any(ur => ur.UserId == pc.UserId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Coordinator)))
            .Select(pc => new CoordinatorAccountItem(pc.PartnershipId, pc.User!.PasswordHash != null && pc.User.TwoFactorEnabled)));

    public DateOnly Today => ScottishTime.Today(clock);

    public AnnualReturnDeadline Deadline => options.Value.AnnualReturnDeadline;

    public async Task<IReadOnlyList<DashboardRow>> RowsAsync(ReportingYear year, CancellationToken cancellationToken = default) =>
        (await VersionedRowsAsync(year, cancellationToken)).Rows;

    /// <summary>The rows with a version: equal versions (in this process) mean equal rows for the same year and day,
    /// since it names the snapshot they came from and every partnership's coordinator account counts.</summary>
    public async Task<(IReadOnlyList<DashboardRow> Rows, string Version)> VersionedRowsAsync(ReportingYear year, CancellationToken cancellationToken = default)
    {
        var (partnerships, snapshotVersion) = await snapshots.GetVersionedAsync(cancellationToken);

        var accounts = await accountCache.CoordinatorAccountsAsync(async () =>
        {
            var read = new List<CoordinatorAccountItem>();
            await foreach (var account in CoordinatorAccounts(db).WithCancellation(cancellationToken))
            {
                read.Add(account);
            }

            return read;
        });

        var today = Today;
        return rowsCache.GetOrAdd(new DashboardRowsCache.Key(snapshotVersion, accounts, year.StartYear, today.DayNumber),
            () => BuildRows(partnerships, snapshotVersion, accounts, year, today));
    }

    private (IReadOnlyList<DashboardRow> Rows, string Version) BuildRows(
        IReadOnlyList<PartnershipSnapshot> partnerships, long snapshotVersion, IReadOnlyList<CoordinatorAccountItem> accounts, ReportingYear year, DateOnly today)
    {
        var accountsByPartnership = accounts.ToLookup(a => a.PartnershipId);
        var version = new System.Text.StringBuilder().Append(snapshotVersion).Append(':').Append(today.DayNumber).Append(':').Append(year.StartYear);
        foreach (var group in accountsByPartnership.OrderBy(g => g.Key))
        {
            version.Append(';').Append(group.Key).Append('=').Append(group.Count(a => a.SetUp)).Append('/').Append(group.Count(a => !a.SetUp));
        }

        IReadOnlyList<DashboardRow> rows = [.. partnerships.Select(p =>
        {
            var own = accountsByPartnership[p.Id].ToList();
            var facts = new PartnershipFacts(
                [.. p.Plans.Select(plan => plan.Dates)],
                [.. p.AnnualReturns.Select(r => new ReturnDates(r.ReportingYearStart, r.DueOn, r.SubmittedOn, r.PublishedOn))],
                p.LastConfirmedOn,
                own.Count(a => a.SetUp),
                own.Count(a => !a.SetUp));
            var areas = p.Areas.Select(a => new AreaListItem(a.GssCode, a.Name)).ToList();
            return new DashboardRow(p.Id, p.Name, p.Slug, areas, p.LastConfirmedOn, PartnershipStanding.Of(facts, year, Deadline, today));
        })];
        return (rows, version.ToString());
    }
}

/// <summary>The dashboard's rows, worked out once for each snapshot, set of coordinator accounts, reporting year and day
/// (in this process), instead of on every request: every member of CJS staff is shown the same rows, and working them
/// out afresh each time (each partnership's plans, returns and standing) was about a tenth of the page's cost, most of it
/// memory for the collector (bench/README.md). A new snapshot (after any edit, on any instance) or a new set of accounts
/// from <see cref="AccountCache"/> is a new key; old keys are dropped once there are more than <see cref="MaxEntries"/>.</summary>
public sealed class DashboardRowsCache
{
    public const int MaxEntries = 64;

    private readonly Infrastructure.SmallCache<Key, (IReadOnlyList<DashboardRow> Rows, string Version)> entries = new(MaxEntries);

    /// <summary>What the rows are worked out from: the snapshot's version, the accounts list (compared by reference:
    /// <see cref="AccountCache"/> hands out the same list until accounts change), the reporting year's first year and
    /// the day.</summary>
    public readonly record struct Key(long SnapshotVersion, IReadOnlyList<CoordinatorAccountItem> Accounts, int YearStart, int DayNumber)
    {
        public bool Equals(Key other) =>
            SnapshotVersion == other.SnapshotVersion && ReferenceEquals(Accounts, other.Accounts) && YearStart == other.YearStart && DayNumber == other.DayNumber;

        public override int GetHashCode() =>
            HashCode.Combine(SnapshotVersion, System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Accounts), YearStart, DayNumber);
    }

    public (IReadOnlyList<DashboardRow> Rows, string Version) GetOrAdd(Key key, Func<(IReadOnlyList<DashboardRow> Rows, string Version)> build) =>
        entries.GetOrAdd(key, build);
}
