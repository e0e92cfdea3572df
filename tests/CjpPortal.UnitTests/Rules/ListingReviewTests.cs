using CjpPortal.Core.Organisations;

namespace CjpPortal.UnitTests.Rules;

public sealed class ListingReviewTests
{
    // Mid-September: the months before have 31 days, so going back 12 months and forward again lands on the same day.
    private static readonly DateTimeOffset Now = new(2028, 9, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly ListingReviewCutoffs Cutoffs = ListingReviewCutoffs.At(new ListingReviewOptions(), Now);

    [Theory]
    [InlineData(-12, 0, ListingFreshness.Current)]
    [InlineData(-13, 1, ListingFreshness.Current)]
    [InlineData(-13, 0, ListingFreshness.Current)]
    [InlineData(-13, -1, ListingFreshness.OutOfDate)]
    [InlineData(-18, 1, ListingFreshness.OutOfDate)]
    [InlineData(-18, -1, ListingFreshness.Hidden)]
    [InlineData(-30, 0, ListingFreshness.Hidden)]
    public void FreshnessOf_MonthsAndDaysSinceConfirmed_IsCurrentOutOfDateOrHidden(int months, int days, ListingFreshness expected) =>
        Assert.Equal(expected, Cutoffs.FreshnessOf(Now.AddMonths(months).AddDays(days)));

    [Fact]
    public void FreshnessOf_NoDate_IsCurrent() => Assert.Equal(ListingFreshness.Current, Cutoffs.FreshnessOf(null));

    [Fact]
    public void LastConfirmed_NeverConfirmed_IsPublication()
    {
        var published = Now.AddDays(-3);
        Assert.Equal(published, ListingReview.LastConfirmed(null, published));
        Assert.Equal(Now, ListingReview.LastConfirmed(Now, published));
    }

    [Theory]
    [InlineData(-1, null)]
    [InlineData(0, 0)]
    [InlineData(13, 0)]
    [InlineData(14, 1)]
    [InlineData(27, 1)]
    [InlineData(28, 2)]
    [InlineData(200, 2)]
    public void StepDue_DaysAfterTheRequest_IsTheLatestStep(int daysAfterRequest, int? expected)
    {
        var confirmed = Now.AddMonths(-12).AddDays(-daysAfterRequest);
        Assert.Equal(expected, ListingReview.StepDue(new ListingReviewOptions(), confirmed, Now));
    }

    [Fact]
    public void Problem_Defaults_IsNull() => Assert.Null(ListingReviewOptions.Problem(new ListingReviewOptions()));

    [Theory]
    [InlineData(0, 13, 18, new[] { 14 })]
    [InlineData(12, 11, 18, new[] { 14 })]
    [InlineData(12, 13, 13, new[] { 14 })]
    [InlineData(12, 13, 18, new[] { 28, 14 })]
    [InlineData(12, 13, 18, new[] { 0 })]
    public void Problem_BadSettings_IsAMessage(int review, int outOfDate, int hidden, int[] reminders) =>
        Assert.NotNull(ListingReviewOptions.Problem(new ListingReviewOptions
        {
            ReviewAfterMonths = review, OutOfDateAfterMonths = outOfDate, HiddenAfterMonths = hidden, ReminderDays = reminders,
        }));
}
