using CjpPortal.Core.Rules;

namespace CjpPortal.UnitTests.Rules;

public sealed class PlanRulesTests
{
    private static readonly PlanDates Old = new(1, new(2019, 4, 1), new(2023, 3, 31), null, null, new(2019, 5, 1));
    private static readonly PlanDates Current = new(2, new(2023, 4, 1), new(2028, 3, 31), null, null, new(2023, 6, 1));

    [Theory]
    [InlineData(2027, 1, 9, PlanStage.ConsultationPlanned)]
    [InlineData(2027, 1, 10, PlanStage.InConsultation)]
    [InlineData(2027, 2, 28, PlanStage.InConsultation)]
    [InlineData(2027, 3, 1, PlanStage.ConsultationClosed)]
    public void StageOf_UnpublishedPlanWithConsultation_FollowsItsDatesIncludingBothEnds(int year, int month, int day, PlanStage expected)
    {
        // Arrange
        var draft = new PlanDates(3, new(2028, 4, 1), new(2033, 3, 31), new(2027, 1, 10), new(2027, 2, 28), null);

        // Act
        var stage = PlanRules.StageOf(draft, [Old, Current, draft], new DateOnly(year, month, day));

        // Assert
        Assert.Equal(expected, stage);
    }

    [Fact]
    public void StageOf_NoDates_IsDraft()
    {
        // Arrange
        var draft = new PlanDates(3, new(2028, 4, 1), new(2033, 3, 31), null, null, null);

        // Act / Assert
        Assert.Equal(PlanStage.Draft, PlanRules.StageOf(draft, [draft], new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public void StageOf_PublishedInTheFuture_IsNotPublishedYet()
    {
        // Arrange
        var plan = Current with { PublishedOn = new DateOnly(2026, 12, 2) };

        // Act / Assert
        Assert.Equal(PlanStage.Draft, PlanRules.StageOf(plan, [plan], new DateOnly(2026, 12, 1)));
        Assert.Equal(PlanStage.Published, PlanRules.StageOf(plan, [plan], new DateOnly(2026, 12, 2)));
    }

    [Fact]
    public void StageOf_OlderPlanOnceTheNextIsPublished_IsSuperseded()
    {
        // Arrange
        var today = new DateOnly(2026, 12, 1);

        // Act
        var oldStage = PlanRules.StageOf(Old, [Old, Current], today);
        var currentStage = PlanRules.StageOf(Current, [Old, Current], today);
        var beforeTheNext = PlanRules.StageOf(Old, [Old, Current], new DateOnly(2023, 5, 31));

        // Assert
        Assert.Equal(PlanStage.Superseded, oldStage);
        Assert.Equal(PlanStage.Published, currentStage);
        Assert.Equal(PlanStage.Published, beforeTheNext);
    }

    [Fact]
    public void Current_PlanInConsultationAfterTheCurrentOne_KeepsThePublishedPlanCurrent()
    {
        // Arrange
        var next = new PlanDates(3, new(2028, 4, 1), new(2033, 3, 31), new(2026, 11, 1), new(2026, 12, 31), null);

        // Act
        var current = PlanRules.Current([Old, Current, next], new DateOnly(2026, 12, 1));

        // Assert
        Assert.Equal(Current, current);
    }

    [Fact]
    public void StandingOf_PeriodEndedWithNothingAfterIt_IsPeriodEnded()
    {
        // Act / Assert
        Assert.Equal(CurrentPlanStanding.Current, PlanRules.StandingOf(Current, new DateOnly(2028, 3, 31)));
        Assert.Equal(CurrentPlanStanding.PeriodEnded, PlanRules.StandingOf(Current, new DateOnly(2028, 4, 1)));
        Assert.Equal(CurrentPlanStanding.None, PlanRules.StandingOf(null, new DateOnly(2028, 4, 1)));
    }

    [Fact]
    public void InConsultation_SeveralOpen_SoonestClosingFirst()
    {
        // Arrange
        var later = new PlanDates(4, new(2028, 4, 1), new(2033, 3, 31), new(2026, 11, 1), new(2027, 1, 31), null);
        var sooner = new PlanDates(5, new(2028, 4, 1), new(2033, 3, 31), new(2026, 11, 1), new(2026, 12, 5), null);
        var closed = new PlanDates(6, new(2028, 4, 1), new(2033, 3, 31), new(2026, 10, 1), new(2026, 11, 30), null);

        // Act
        var open = PlanRules.InConsultation([Current, later, sooner, closed], new DateOnly(2026, 12, 1)).Select(p => p.Id);

        // Assert
        Assert.Equal([5, 4], open);
    }

    [Theory]
    [InlineData(2028, 3, 31, 2033, 3, 31, true)]
    [InlineData(2028, 4, 1, 2033, 3, 31, false)]
    [InlineData(2018, 4, 1, 2023, 4, 1, true)]
    [InlineData(2018, 4, 1, 2023, 3, 31, false)]
    [InlineData(2024, 4, 1, 2025, 3, 31, true)]
    [InlineData(2020, 4, 1, 2030, 3, 31, true)]
    public void Overlaps_PeriodsSharingADay_AreOverlappingIncludingBothEnds(int startYear, int startMonth, int startDay, int endYear, int endMonth, int endDay, bool expected)
    {
        // Arrange: the current plan runs from 1 April 2023 to 31 March 2028
        var start = new DateOnly(startYear, startMonth, startDay);
        var end = new DateOnly(endYear, endMonth, endDay);

        // Act
        var overlaps = PlanRules.Overlaps(start, end, Current.PeriodStart, Current.PeriodEnd);

        // Assert
        Assert.Equal(expected, overlaps);
    }

    [Fact]
    public void OverlappingPublished_IgnoresThePlanItselfAndUnpublishedPlans()
    {
        // Arrange
        var draft = new PlanDates(3, new(2027, 4, 1), new(2032, 3, 31), null, null, null);
        var publishedLater = new PlanDates(4, new(2027, 4, 1), new(2032, 3, 31), null, null, new(2030, 1, 1));

        // Act
        var againstCurrent = PlanRules.OverlappingPublished(Current.Id, Current.PeriodStart, Current.PeriodEnd, [Old, Current, draft]).ToList();
        var againstLater = PlanRules.OverlappingPublished(draft.Id, draft.PeriodStart, draft.PeriodEnd, [Old, Current, draft, publishedLater]).Select(p => p.Id).ToList();

        // Assert
        Assert.Empty(againstCurrent);
        Assert.Equal([2, 4], againstLater);
    }
}
