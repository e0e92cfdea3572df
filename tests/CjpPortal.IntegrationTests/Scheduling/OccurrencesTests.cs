using CjpPortal.Core.Scheduling;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.IntegrationTests.Scheduling;

/// <summary>An occurrence is claimed once, whoever tries and however often, and a claim rolled back with its
/// transaction can be made again.</summary>
[Collection(ReferenceDataCollection.Name)]
public sealed class OccurrencesTests(ReferenceDataFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TryClaim_Twice_OnlyFirstClaims()
    {
        var now = fixture.Clock.GetUtcNow();

        var first = await fixture.WithDbContextAsync(db => Occurrences.TryClaimAsync(db, "refresh-reminder", "2027/falkirk/1", now, CancellationToken.None));
        var second = await fixture.WithDbContextAsync(db => Occurrences.TryClaimAsync(db, "refresh-reminder", "2027/falkirk/1", now, CancellationToken.None));
        var otherKey = await fixture.WithDbContextAsync(db => Occurrences.TryClaimAsync(db, "refresh-reminder", "2027/falkirk/2", now, CancellationToken.None));

        Assert.True(first);
        Assert.False(second);
        Assert.True(otherKey);
        Assert.Equal(2, await fixture.WithDbContextAsync(db => db.ScheduledOccurrences.CountAsync()));
    }

    [Fact]
    public async Task TryClaim_TenAtOnce_ExactlyOneClaims()
    {
        var now = fixture.Clock.GetUtcNow();

        var claims = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => fixture.WithDbContextAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var claimed = await Occurrences.TryClaimAsync(db, "digest", "2026-W49", now, CancellationToken.None);
            await transaction.CommitAsync();
            return claimed;
        })));

        Assert.Single(claims, c => c);
    }

    [Fact]
    public async Task TryClaim_RolledBack_CanBeClaimedAgain()
    {
        var now = fixture.Clock.GetUtcNow();

        await fixture.WithDbContextAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            Assert.True(await Occurrences.TryClaimAsync(db, "digest", "2026-W49", now, CancellationToken.None));
            await transaction.RollbackAsync();
            return 0;
        });
        var again = await fixture.WithDbContextAsync(db => Occurrences.TryClaimAsync(db, "digest", "2026-W49", now, CancellationToken.None));

        Assert.True(again);
        Assert.True(await fixture.WithDbContextAsync(db => Occurrences.HasOccurredAsync(db, "digest", "2026-W49", CancellationToken.None)));
    }
}
