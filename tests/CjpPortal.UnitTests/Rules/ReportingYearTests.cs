using CjpPortal.Core.Rules;

namespace CjpPortal.UnitTests.Rules;

public sealed class ReportingYearTests
{
    [Theory]
    [InlineData(2025, 3, 31, 2024)]
    [InlineData(2025, 4, 1, 2025)]
    [InlineData(2025, 1, 1, 2024)]
    [InlineData(2025, 12, 31, 2025)]
    public void Containing_Date_ReturnsYearStartingOnPrevious1April(int year, int month, int day, int expectedStart)
    {
        // Act
        var reportingYear = ReportingYear.Containing(new DateOnly(year, month, day));

        // Assert
        Assert.Equal(expectedStart, reportingYear.StartYear);
    }

    [Fact]
    public void StartAndEnd_Always_Are1AprilAnd31March()
    {
        // Arrange
        var year = new ReportingYear(2024);

        // Act / Assert
        Assert.Equal(new DateOnly(2024, 4, 1), year.Start);
        Assert.Equal(new DateOnly(2025, 3, 31), year.End);
    }

    [Theory]
    [InlineData(2024, "2024-25")]
    [InlineData(2099, "2099-00")]
    [InlineData(2009, "2009-10")]
    public void Label_Always_UsesShortEndYear(int startYear, string expected)
    {
        // Act
        var label = new ReportingYear(startYear).Label;

        // Assert
        Assert.Equal(expected, label);
        Assert.Equal(expected, new ReportingYear(startYear).ToString());
    }

    [Fact]
    public void DueDate_DefaultDeadline_Is31DecemberAfterTheYearEnds()
    {
        // Act
        var due = new ReportingYear(2024).DueDate(new AnnualReturnDeadline());

        // Assert
        Assert.Equal(new DateOnly(2025, 12, 31), due);
    }

    [Fact]
    public void DueDate_Configured30September_Is30SeptemberAfterTheYearEnds()
    {
        // Act
        var due = new ReportingYear(2024).DueDate(new AnnualReturnDeadline(9, 30));

        // Assert
        Assert.Equal(new DateOnly(2025, 9, 30), due);
    }

    [Theory]
    [InlineData(2026, 11, 23, 2025)]
    [InlineData(2026, 3, 31, 2024)]
    [InlineData(2026, 4, 1, 2025)]
    public void LatestEnded_Date_ReturnsLastYearThatHasEnded(int year, int month, int day, int expectedStart)
    {
        // Act
        var latest = ReportingYear.LatestEnded(new DateOnly(year, month, day));

        // Assert
        Assert.Equal(expectedStart, latest.StartYear);
        Assert.True(latest.End < new DateOnly(year, month, day));
    }
}
