using CjpPortal.Web.Queries;

namespace CjpPortal.UnitTests.Queries;

public sealed class MatchCacheTests
{
    private sealed record Key(string Words, int? AreaId);

    [Fact]
    public async Task GetOrRun_SameKeyTwice_RunsOnceAndGivesTheSameAnswer()
    {
        // Arrange
        var cache = new MatchCache(10);
        var runs = 0;
        Task<int[]> Run() => Task.FromResult<int[]>([++runs]);

        // Act
        var first = await cache.GetOrRunAsync(new Key("peer support", 3), Run, ids => ids.Length);
        var second = await cache.GetOrRunAsync(new Key("peer support", 3), Run, ids => ids.Length);
        var other = await cache.GetOrRunAsync(new Key("peer support", null), Run, ids => ids.Length);

        // Assert
        Assert.Equal(2, runs);
        Assert.Same(first, second);
        Assert.Equal([2], other);
    }

    [Fact]
    public async Task GetOrRun_NoEntriesAllowed_RunsEveryTime()
    {
        // Arrange
        var cache = new MatchCache(0);
        var runs = 0;

        // Act
        for (var i = 0; i < 3; i++)
        {
            await cache.GetOrRunAsync(new Key("peer support", null), () => Task.FromResult<int[]>([++runs]), ids => ids.Length);
        }

        // Assert
        Assert.Equal(3, runs);
    }

    [Fact]
    public async Task GetOrRun_Full_KeepsWhatItHasAndAddsNothingMore()
    {
        // Arrange: two entries allowed
        var cache = new MatchCache(2);
        var runs = 0;
        Task<int[]> Run() => Task.FromResult<int[]>([++runs]);
        foreach (var words in new[] { "a", "b", "c" })
        {
            await cache.GetOrRunAsync(new Key(words, null), Run, ids => ids.Length);
        }

        // Act
        foreach (var words in new[] { "a", "b", "c" })
        {
            await cache.GetOrRunAsync(new Key(words, null), Run, ids => ids.Length);
        }

        // Assert: a and b kept, c run both times
        Assert.Equal(4, runs);
    }

    [Fact]
    public async Task GetOrRun_AnswerOverTheRowBudget_IsNotKept()
    {
        // Arrange
        var cache = new MatchCache(10);
        var runs = 0;
        Task<int[]> Big()
        {
            runs++;
            return Task.FromResult(new int[MatchCache.MaxRows + 1]);
        }

        Task<int[]> Small() => Task.FromResult<int[]>([++runs]);

        // Act
        await cache.GetOrRunAsync(new Key("everything", null), Big, ids => ids.Length);
        await cache.GetOrRunAsync(new Key("everything", null), Big, ids => ids.Length);
        await cache.GetOrRunAsync(new Key("one", null), Small, ids => ids.Length);
        await cache.GetOrRunAsync(new Key("one", null), Small, ids => ids.Length);

        // Assert: the big answer ran twice; the small one still fits and is kept
        Assert.Equal(3, runs);
    }
}
