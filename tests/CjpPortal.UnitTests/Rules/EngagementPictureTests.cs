using CjpPortal.Core.Domain;
using CjpPortal.Core.Rules;

namespace CjpPortal.UnitTests.Rules;

public sealed class EngagementPictureTests
{
    private static readonly ReportingYear Year2024 = new(2024);

    private static StageEngagementFacts Fact(int partnership, int year, CommissioningStage stage, ThirdSectorInvolvement involvement, params EngagementRouteKind[] kinds) =>
        new(partnership, year, stage, involvement, kinds, null);

    [Fact]
    public void StageCounts_MixedAnswers_CountsYesPartlyNoAndTheRestAsNotRecorded()
    {
        // Arrange
        var picture = new EngagementPicture(
        [
            Fact(1, 2024, CommissioningStage.Analyse, ThirdSectorInvolvement.Yes),
            Fact(2, 2024, CommissioningStage.Analyse, ThirdSectorInvolvement.Partly),
            Fact(3, 2024, CommissioningStage.Analyse, ThirdSectorInvolvement.No),
            Fact(1, 2024, CommissioningStage.Review, ThirdSectorInvolvement.Yes),
            Fact(4, 2023, CommissioningStage.Analyse, ThirdSectorInvolvement.Yes),
        ], partnerships: 30);

        // Act
        var counts = picture.StageCounts(Year2024);

        // Assert
        Assert.Equal(
        [
            new StageCount(CommissioningStage.Analyse, 1, 1, 1, 27),
            new StageCount(CommissioningStage.Plan, 0, 0, 0, 30),
            new StageCount(CommissioningStage.Do, 0, 0, 0, 30),
            new StageCount(CommissioningStage.Review, 1, 0, 0, 29),
        ], counts);
    }

    [Fact]
    public void StageCounts_SameRowTwice_CountsItOnce()
    {
        // Arrange
        var row = Fact(1, 2024, CommissioningStage.Plan, ThirdSectorInvolvement.Yes);
        var picture = new EngagementPicture([row, row], partnerships: 2);

        // Act
        var plan = picture.StageCounts(Year2024).Single(c => c.Stage == CommissioningStage.Plan);

        // Assert
        Assert.Equal((1, 1), (plan.Yes, plan.NotRecorded));
    }

    [Fact]
    public void RouteKinds_KindUsedAtSeveralStages_CountsEachPartnershipOnceMostUsedFirstThenInKindOrder()
    {
        // Arrange
        var picture = new EngagementPicture(
        [
            Fact(1, 2024, CommissioningStage.Analyse, ThirdSectorInvolvement.Yes, EngagementRouteKind.Consultation, EngagementRouteKind.LocalForum),
            Fact(1, 2024, CommissioningStage.Plan, ThirdSectorInvolvement.Yes, EngagementRouteKind.LocalForum),
            Fact(2, 2024, CommissioningStage.Plan, ThirdSectorInvolvement.No, EngagementRouteKind.Event),
            Fact(3, 2024, CommissioningStage.Do, ThirdSectorInvolvement.Yes, EngagementRouteKind.LocalForum),
            Fact(4, 2023, CommissioningStage.Do, ThirdSectorInvolvement.Yes, EngagementRouteKind.Matac),
        ], partnerships: 30);

        // Act
        var kinds = picture.RouteKinds(Year2024);

        // Assert
        Assert.Equal(
        [
            new RouteKindCount(EngagementRouteKind.LocalForum, 2),
            new RouteKindCount(EngagementRouteKind.Event, 1),
            new RouteKindCount(EngagementRouteKind.Consultation, 1),
        ], kinds);
    }

    [Fact]
    public void Trend_YearsFromTheFirstRecordedToTheLatest_ShareOfThoseRecordingTheStage()
    {
        // Arrange
        var picture = new EngagementPicture(
        [
            Fact(1, 2022, CommissioningStage.Analyse, ThirdSectorInvolvement.Yes),
            Fact(2, 2022, CommissioningStage.Analyse, ThirdSectorInvolvement.No),
            Fact(3, 2022, CommissioningStage.Analyse, ThirdSectorInvolvement.Partly),
            Fact(1, 2024, CommissioningStage.Analyse, ThirdSectorInvolvement.Yes),
        ], partnerships: 30);

        // Act
        var years = picture.TrendYears(Year2024);
        var analyse = picture.Trend(Year2024).Where(p => p.Stage == CommissioningStage.Analyse).ToList();

        // Assert
        Assert.Equal([new ReportingYear(2022), new ReportingYear(2023), Year2024], years);
        Assert.Equal([33, null, 100], analyse.Select(p => p.Percent));
        Assert.Equal([(1, 3), (0, 0), (1, 1)], analyse.Select(p => (p.Yes, p.Recorded)));
        Assert.Equal(12, picture.Trend(Year2024).Count);
    }

    [Fact]
    public void Trend_NothingRecorded_IsEmpty()
    {
        // Arrange
        var picture = new EngagementPicture([], partnerships: 30);

        // Act
        var trend = picture.Trend(Year2024);

        // Assert
        Assert.Empty(trend);
        Assert.Empty(picture.TrendYears(Year2024));
        Assert.False(picture.HasAny(Year2024));
    }

    [Theory]
    [InlineData(2, 3, 67)]
    [InlineData(1, 8, 13)]
    [InlineData(1, 200, 1)]
    [InlineData(0, 5, 0)]
    public void Percent_Share_RoundsHalfAwayFromZero(int yes, int recorded, int expected)
    {
        // Act
        var percent = new TrendPoint(2024, CommissioningStage.Do, yes, recorded).Percent;

        // Assert
        Assert.Equal(expected, percent);
    }

    [Theory]
    [InlineData(null, 2025, false)]
    [InlineData("", 2025, false)]
    [InlineData("2025", 2025, false)]
    [InlineData("2017", 2017, false)]
    [InlineData("2016", 2025, true)]
    [InlineData("2026", 2025, true)]
    [InlineData("-2020", 2025, true)]
    [InlineData("20x5", 2025, true)]
    public void ParseYear_Value_IsAnEndedYearFrom2017OrAnError(string? value, int expected, bool error)
    {
        // Arrange: 23 November 2026, in the reporting year 2026-27
        var today = new DateOnly(2026, 11, 23);

        // Act
        var (year, message) = EngagementPicture.ParseYear(value, today);

        // Assert
        Assert.Equal(expected, year.StartYear);
        Assert.Equal(error, message is not null);
    }

    [Fact]
    public void ParseYear_OnTheFirstOfApril_TheYearJustEndedIsAllowed()
    {
        // Arrange
        var today = new DateOnly(2026, 4, 1);

        // Act
        var (year, message) = EngagementPicture.ParseYear("2025", today);

        // Assert
        Assert.Equal((2025, null), (year.StartYear, message));
        Assert.NotNull(EngagementPicture.ParseYear("2025", new DateOnly(2026, 3, 31)).Error);
    }
}
