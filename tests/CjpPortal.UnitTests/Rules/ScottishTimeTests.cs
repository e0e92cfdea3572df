using CjpPortal.Core.Rules;

namespace CjpPortal.UnitTests.Rules;

public class ScottishTimeTests
{
    [Theory]
    [InlineData("2026-06-30T23:30:00Z", "2026-07-01")] // British Summer Time: already the next day in Scotland
    [InlineData("2026-12-31T23:30:00Z", "2026-12-31")] // Winter: Scotland is on UTC
    [InlineData("2027-03-31T23:15:00Z", "2027-04-01")] // A new reporting year starts an hour early in UTC terms
    public void Today_UtcInstant_IsTheDateInScotland(string utc, string expected)
    {
        // Arrange
        var clock = new At(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

        // Act
        var today = ScottishTime.Today(clock);

        // Assert
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), today);
    }

    private sealed class At(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
