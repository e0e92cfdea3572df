using CjpPortal.Core.Rules;

namespace CjpPortal.UnitTests.Rules;

public sealed class ReturnRulesTests
{
    private static readonly ReportingYear Year2024 = new(2024);
    private static readonly AnnualReturnDeadline Deadline = new();

    [Theory]
    [InlineData(2025, 3, 31, ReturnStatus.NotYetDue)]
    [InlineData(2025, 4, 1, ReturnStatus.Due)]
    [InlineData(2025, 12, 31, ReturnStatus.Due)]
    [InlineData(2026, 1, 1, ReturnStatus.Overdue)]
    public void StatusOf_NothingRecorded_FollowsTheYearEndAndTheDueDate(int year, int month, int day, ReturnStatus expected)
    {
        // Act
        var status = ReturnRules.StatusOf(Year2024, null, Deadline, new DateOnly(year, month, day));

        // Assert
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData(2025, 9, 30, ReturnStatus.Due)]
    [InlineData(2025, 10, 1, ReturnStatus.Overdue)]
    public void StatusOf_RecordedDueDate_OverridesTheConfiguredDeadline(int year, int month, int day, ReturnStatus expected)
    {
        // Arrange
        var recorded = new ReturnDates(2024, new DateOnly(2025, 9, 30), null, null);

        // Act
        var status = ReturnRules.StatusOf(Year2024, recorded, Deadline, new DateOnly(year, month, day));

        // Assert
        Assert.Equal(expected, status);
    }

    [Fact]
    public void StatusOf_ConfiguredDeadline_MovesTheDueDate()
    {
        // Arrange
        var september = new AnnualReturnDeadline(9, 30);

        // Act
        var status = ReturnRules.StatusOf(Year2024, null, september, new DateOnly(2025, 10, 1));

        // Assert
        Assert.Equal(ReturnStatus.Overdue, status);
        Assert.Equal(new DateOnly(2025, 9, 30), ReturnRules.DueOn(Year2024, null, september));
    }

    [Fact]
    public void StatusOf_SubmittedAfterTheDueDate_IsSubmittedNotOverdue()
    {
        // Arrange
        var recorded = new ReturnDates(2024, null, new DateOnly(2026, 2, 1), null);

        // Act / Assert
        Assert.Equal(ReturnStatus.Overdue, ReturnRules.StatusOf(Year2024, recorded, Deadline, new DateOnly(2026, 1, 31)));
        Assert.Equal(ReturnStatus.Submitted, ReturnRules.StatusOf(Year2024, recorded, Deadline, new DateOnly(2026, 2, 1)));
    }

    [Fact]
    public void StatusOf_Published_IsPublishedFromItsPublicationDate()
    {
        // Arrange
        var recorded = new ReturnDates(2024, null, new DateOnly(2025, 11, 1), new DateOnly(2025, 12, 1));

        // Act / Assert
        Assert.Equal(ReturnStatus.Submitted, ReturnRules.StatusOf(Year2024, recorded, Deadline, new DateOnly(2025, 11, 30)));
        Assert.Equal(ReturnStatus.Published, ReturnRules.StatusOf(Year2024, recorded, Deadline, new DateOnly(2025, 12, 1)));
    }

    [Fact]
    public void StatusOf_ReturnOfAnotherYear_Throws()
    {
        // Arrange
        var recorded = new ReturnDates(2023, null, null, null);

        // Act / Assert
        Assert.Throws<ArgumentException>(() => ReturnRules.StatusOf(Year2024, recorded, Deadline, new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void EndedYears_On1April_StartsWithTheYearJustEnded()
    {
        // Act
        var onMarch31 = ReturnRules.EndedYears(new DateOnly(2026, 3, 31)).First();
        var onApril1 = ReturnRules.EndedYears(new DateOnly(2026, 4, 1)).ToList();

        // Assert
        Assert.Equal(2024, onMarch31.StartYear);
        Assert.Equal(2025, onApril1[0].StartYear);
        Assert.Equal(ReturnRules.FirstYear, onApril1[^1].StartYear);
    }
}
