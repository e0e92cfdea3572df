using CjpPortal.Core.Identity;
using CjpPortal.Web.Infrastructure.Auth;

namespace CjpPortal.UnitTests.Infrastructure;

public sealed class AccountCacheTests
{
    private static readonly Guid User = Guid.NewGuid();

    [Fact]
    public async Task StampAsync_Listening_ReadsOnceThenKeepsTheCopy()
    {
        // Arrange
        var cache = new AccountCache(new AccountChanges()) { Listening = true };
        var reads = 0;

        // Act
        var first = await cache.StampAsync(User, () => Task.FromResult<string?>($"stamp-{++reads}"));
        var second = await cache.StampAsync(User, () => Task.FromResult<string?>($"stamp-{++reads}"));

        // Assert
        Assert.Equal("stamp-1", first);
        Assert.Equal("stamp-1", second);
        Assert.Equal(1, reads);
    }

    [Fact]
    public async Task StampAsync_NotListening_ReadsEveryTime()
    {
        // Arrange: before the listener's first LISTEN, or while its connection is lost
        var cache = new AccountCache(new AccountChanges());
        var reads = 0;

        // Act
        await cache.StampAsync(User, () => Task.FromResult<string?>($"stamp-{++reads}"));
        var second = await cache.StampAsync(User, () => Task.FromResult<string?>($"stamp-{++reads}"));

        // Assert
        Assert.Equal("stamp-2", second);
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task StampAsync_AfterAccountsChangedInThisProcess_ReadsAgain()
    {
        // Arrange
        var changes = new AccountChanges();
        var cache = new AccountCache(changes) { Listening = true };
        await cache.StampAsync(User, () => Task.FromResult<string?>("old"));

        // Act
        changes.Raise();
        var after = await cache.StampAsync(User, () => Task.FromResult<string?>("new"));

        // Assert
        Assert.Equal("new", after);
    }

    [Fact]
    public async Task StampAsync_ReadThatSpannedAChange_IsNotKept()
    {
        // Arrange: the read starts before a change and finishes after its notification was heard
        var cache = new AccountCache(new AccountChanges()) { Listening = true };
        var finishRead = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var spanning = cache.StampAsync(User, () => finishRead.Task);

        // Act
        cache.Forget();
        finishRead.SetResult("read before the change");
        var returned = await spanning;
        var next = await cache.StampAsync(User, () => Task.FromResult<string?>("current"));

        // Assert: the request that read it gets what it read; nobody after it does
        Assert.Equal("read before the change", returned);
        Assert.Equal("current", next);
    }

    [Fact]
    public async Task StampAsync_NoSuchAccount_IsNotKept()
    {
        // Arrange
        var cache = new AccountCache(new AccountChanges()) { Listening = true };
        await cache.StampAsync(User, () => Task.FromResult<string?>(null));

        // Act
        var created = await cache.StampAsync(User, () => Task.FromResult<string?>("created"));

        // Assert
        Assert.Equal("created", created);
    }

    [Fact]
    public async Task CoordinatorAccountsAsync_KeptUntilForgotten()
    {
        // Arrange
        var cache = new AccountCache(new AccountChanges()) { Listening = true };
        IReadOnlyList<CoordinatorAccountItem> one = [new(1, SetUp: true)];
        IReadOnlyList<CoordinatorAccountItem> two = [new(1, SetUp: true), new(2, SetUp: false)];
        await cache.CoordinatorAccountsAsync(() => Task.FromResult(one));

        // Act
        var kept = await cache.CoordinatorAccountsAsync(() => Task.FromResult(two));
        cache.Forget();
        var reread = await cache.CoordinatorAccountsAsync(() => Task.FromResult(two));

        // Assert
        Assert.Same(one, kept);
        Assert.Same(two, reread);
    }

    [Fact]
    public async Task CoordinatorAccountsAsync_ReadThatSpannedAChange_IsNotKept()
    {
        // Arrange
        var cache = new AccountCache(new AccountChanges()) { Listening = true };
        IReadOnlyList<CoordinatorAccountItem> stale = [new(1, SetUp: true)];
        IReadOnlyList<CoordinatorAccountItem> current = [];
        var finishRead = new TaskCompletionSource<IReadOnlyList<CoordinatorAccountItem>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var spanning = cache.CoordinatorAccountsAsync(() => finishRead.Task);

        // Act
        cache.Forget();
        finishRead.SetResult(stale);
        await spanning;
        var next = await cache.CoordinatorAccountsAsync(() => Task.FromResult(current));

        // Assert
        Assert.Same(current, next);
    }
}
