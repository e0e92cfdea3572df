using CjpPortal.Web.Queries;

namespace CjpPortal.UnitTests.Queries;

public sealed class SharedLoadTests
{
    [Fact]
    public async Task Get_AfterInvalidate_LoadsAgain()
    {
        // Arrange
        var loads = 0;
        var shared = new SharedLoad<int>(() => Task.FromResult(Interlocked.Increment(ref loads)), () => TimeSpan.FromMinutes(1), TimeProvider.System);
        var first = await shared.GetAsync();

        // Act
        shared.Invalidate();
        var second = await shared.GetAsync();

        // Assert
        Assert.Equal((1, 2), (first.Value, second.Value));
    }

    [Fact]
    public async Task Get_InvalidatedWhileTheLoadStartsAndBeforeItIsStored_LoadsAgainNextTime()
    {
        // Arrange: the lifetime is asked for after the load has started and before the entry is stored, so an eviction
        // arriving at that moment (from another request, or by NOTIFY) is made there.
        var loads = 0;
        SharedLoad<int>? shared = null;
        var evictWhileStoring = true;
        shared = new SharedLoad<int>(() => Task.FromResult(Interlocked.Increment(ref loads)), () =>
        {
            if (evictWhileStoring)
            {
                evictWhileStoring = false;
                shared!.Invalidate();
            }

            return TimeSpan.FromMinutes(1);
        }, TimeProvider.System);

        // Act
        var first = await shared.GetAsync();
        var second = await shared.GetAsync();
        var third = await shared.GetAsync();

        // Assert: the value loaded across the eviction is not served again
        Assert.Equal((1, 2, 2), (first.Value, second.Value, third.Value));
    }
}
