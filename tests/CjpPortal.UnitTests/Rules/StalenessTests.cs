using CjpPortal.Core.Rules;

namespace CjpPortal.UnitTests.Rules;

public sealed class StalenessTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void IsStale_NeverConfirmed_IsTrue()
    {
        // Act / Assert
        Assert.True(Staleness.IsStale(null, Today));
    }

    [Theory]
    [InlineData(2026, 11, 23, false)]
    [InlineData(2026, 1, 1, false)]
    [InlineData(2025, 11, 23, false)]
    [InlineData(2025, 11, 22, true)]
    [InlineData(2020, 6, 1, true)]
    public void IsStale_ConfirmedOn_IsTrueOnlyAfterTwelveMonths(int year, int month, int day, bool expected)
    {
        // Act
        var stale = Staleness.IsStale(new DateOnly(year, month, day), Today);

        // Assert
        Assert.Equal(expected, stale);
    }

    [Fact]
    public void IsStale_Confirmed29FebruaryLastLeapYear_IsStaleFrom1March()
    {
        // Arrange
        var confirmed = new DateOnly(2024, 2, 29);

        // Act / Assert
        Assert.False(Staleness.IsStale(confirmed, new DateOnly(2025, 2, 28)));
        Assert.True(Staleness.IsStale(confirmed, new DateOnly(2025, 3, 1)));
    }
}
