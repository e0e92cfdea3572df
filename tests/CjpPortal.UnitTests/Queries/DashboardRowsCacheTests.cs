using CjpPortal.Web.Infrastructure.Auth;
using CjpPortal.Web.Queries;

namespace CjpPortal.UnitTests.Queries;

public sealed class DashboardRowsCacheTests
{
    private static readonly IReadOnlyList<CoordinatorAccountItem> Accounts = [new(1, SetUp: true)];

    [Fact]
    public void GetOrAdd_SameSnapshotAccountsYearAndDay_BuildsOnce()
    {
        // Arrange
        var cache = new DashboardRowsCache();
        var builds = 0;

        // Act
        var first = cache.GetOrAdd(new(7, Accounts, 2025, 740_000), () => Build(ref builds));
        var second = cache.GetOrAdd(new(7, Accounts, 2025, 740_000), () => Build(ref builds));

        // Assert
        Assert.Equal(1, builds);
        Assert.Same(first.Rows, second.Rows);
    }

    [Fact]
    public void GetOrAdd_AnyPartOfTheKeyChanged_BuildsAgain()
    {
        // Arrange: equal accounts in a new list are new accounts (AccountCache hands out a new list after a change)
        var cache = new DashboardRowsCache();
        var builds = 0;
        cache.GetOrAdd(new(7, Accounts, 2025, 740_000), () => Build(ref builds));

        // Act
        cache.GetOrAdd(new(8, Accounts, 2025, 740_000), () => Build(ref builds));
        cache.GetOrAdd(new(7, [.. Accounts], 2025, 740_000), () => Build(ref builds));
        cache.GetOrAdd(new(7, Accounts, 2024, 740_000), () => Build(ref builds));
        cache.GetOrAdd(new(7, Accounts, 2025, 740_001), () => Build(ref builds));

        // Assert
        Assert.Equal(5, builds);
    }

    [Fact]
    public void GetOrAdd_MoreKeysThanItKeeps_StartsAfresh()
    {
        // Arrange
        var cache = new DashboardRowsCache();
        var builds = 0;
        for (var version = 0; version < DashboardRowsCache.MaxEntries; version++)
        {
            cache.GetOrAdd(new(version, Accounts, 2025, 740_000), () => Build(ref builds));
        }

        // Act: one more clears the rest, so the first is built again
        cache.GetOrAdd(new(DashboardRowsCache.MaxEntries, Accounts, 2025, 740_000), () => Build(ref builds));
        cache.GetOrAdd(new(0, Accounts, 2025, 740_000), () => Build(ref builds));

        // Assert
        Assert.Equal(DashboardRowsCache.MaxEntries + 2, builds);
    }

    private static (IReadOnlyList<DashboardRow> Rows, string Version) Build(ref int builds)
    {
        builds++;
        return ([], builds.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
