using CjpPortal.Web.Infrastructure;

namespace CjpPortal.UnitTests.Infrastructure;

/// <summary>Instants are shown as Scottish dates and times, not UTC ones.</summary>
public sealed class DisplayTests
{
    [Theory]
    [InlineData(2026, 7, 14, 23, 30, "15 July 2026")] // 00:30 BST on the 15th
    [InlineData(2026, 7, 14, 22, 59, "14 July 2026")] // 23:59 BST
    [InlineData(2026, 1, 14, 23, 30, "14 January 2026")] // GMT: the UTC date
    public void Date_Instant_IsTheDateInScotland(int year, int month, int day, int hour, int minute, string expected)
    {
        // Arrange
        var instant = new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero);

        // Act
        var shown = Display.Date(instant);

        // Assert
        Assert.Equal(expected, shown);
    }

    [Theory]
    [InlineData(2026, 7, 14, 23, 30, "15 Jul 2026 00:30")]
    [InlineData(2026, 1, 14, 23, 30, "14 Jan 2026 23:30")]
    public void ShortDateTime_Instant_IsTheWallClockInScotland(int year, int month, int day, int hour, int minute, string expected)
    {
        // Arrange
        var instant = new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero);

        // Act
        var shown = Display.ShortDateTime(instant);

        // Assert
        Assert.Equal(expected, shown);
    }
}
