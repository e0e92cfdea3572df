using CjpPortal.Core.Rules;

namespace CjpPortal.UnitTests.Rules;

public sealed class PartnershipStandingTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);
    private static readonly ReportingYear Year = new(2025);
    private static readonly AnnualReturnDeadline Deadline = new();
    private static readonly PlanDates Plan = new(1, new(2023, 4, 1), new(2028, 3, 31), null, null, new(2023, 6, 1), new(2023, 6, 1));

    private static PartnershipFacts Healthy() =>
        new([Plan], [new ReturnDates(2025, null, new(2026, 9, 1), null)], new DateOnly(2026, 5, 1), 1, 0);

    [Fact]
    public void Of_EverythingInOrder_HasNoProblems()
    {
        // Act
        var standing = PartnershipStanding.Of(Healthy(), Year, Deadline, Today);

        // Assert
        Assert.Equal(PartnershipProblem.None, standing.Problems);
        Assert.Equal(StatementStatus.Published, standing.Statement);
        Assert.Equal(ReturnStatus.Submitted, standing.ReturnStatus);
        Assert.Equal(CoordinatorAccountStatus.Active, standing.Account);
    }

    [Fact]
    public void Of_NoPlanAtAll_HasNoStatement()
    {
        // Act
        var standing = PartnershipStanding.Of(Healthy() with { Plans = [] }, Year, Deadline, Today);

        // Assert
        Assert.Equal(StatementStatus.NoCurrentPlan, standing.Statement);
        Assert.Equal(CurrentPlanStanding.None, standing.PlanStanding);
        Assert.Equal(PartnershipProblem.NoParticipationStatement, standing.Problems);
    }

    [Fact]
    public void Of_StatementMissingForTheCurrentPlan_IsAProblemEvenIfTheOldPlanHadOne()
    {
        // Arrange
        var old = new PlanDates(0, new(2019, 4, 1), new(2023, 3, 31), null, null, new(2019, 5, 1), new(2019, 5, 1));
        var facts = Healthy() with { Plans = [old, Plan with { StatementPublishedOn = null }] };

        // Act
        var standing = PartnershipStanding.Of(facts, Year, Deadline, Today);

        // Assert
        Assert.Equal(StatementStatus.Missing, standing.Statement);
        Assert.True(standing.HasAll(PartnershipProblem.NoParticipationStatement));
    }

    [Fact]
    public void Of_SupersededPlan_IsNotTheCurrentOne()
    {
        // Arrange
        var next = new PlanDates(2, new(2026, 4, 1), new(2031, 3, 31), null, null, new(2026, 6, 1));
        var facts = Healthy() with { Plans = [Plan, next] };

        // Act
        var standing = PartnershipStanding.Of(facts, Year, Deadline, Today);

        // Assert
        Assert.Equal(next, standing.CurrentPlan);
        Assert.Equal(StatementStatus.Missing, standing.Statement);
    }

    [Fact]
    public void Of_NextPlanInConsultation_IsShownBesideTheCurrentOne()
    {
        // Arrange
        var next = new PlanDates(2, new(2028, 4, 1), new(2033, 3, 31), new(2026, 11, 20), new(2026, 12, 20), null);
        var facts = Healthy() with { Plans = [Plan, next] };

        // Act
        var standing = PartnershipStanding.Of(facts, Year, Deadline, Today);

        // Assert
        Assert.Equal(Plan, standing.CurrentPlan);
        Assert.Equal(next, standing.NextPlan);
        Assert.Equal(PlanStage.InConsultation, standing.NextPlanStage);
    }

    [Theory]
    [InlineData(0, 0, CoordinatorAccountStatus.None)]
    [InlineData(0, 2, CoordinatorAccountStatus.NotSetUp)]
    [InlineData(1, 2, CoordinatorAccountStatus.Active)]
    public void Of_CoordinatorAccounts_AreActiveOnlyOnceOneIsSetUp(int active, int notSetUp, CoordinatorAccountStatus expected)
    {
        // Act
        var standing = PartnershipStanding.Of(Healthy() with { ActiveCoordinatorAccounts = active, CoordinatorAccountsNotSetUp = notSetUp }, Year, Deadline, Today);

        // Assert
        Assert.Equal(expected, standing.Account);
        Assert.Equal(expected is not CoordinatorAccountStatus.Active, standing.HasAll(PartnershipProblem.NoCoordinatorAccount));
    }

    [Fact]
    public void HasAll_SeveralProblems_CombineByAnd()
    {
        // Arrange
        var facts = Healthy() with { Returns = [], LastConfirmedOn = new DateOnly(2025, 11, 30) };
        var overdueYear = new ReportingYear(2024);

        // Act
        var standing = PartnershipStanding.Of(facts, overdueYear, Deadline, Today);

        // Assert
        Assert.Equal(PartnershipProblem.OverdueReturn | PartnershipProblem.StaleEntry, standing.Problems);
        Assert.True(standing.HasAll(PartnershipProblem.OverdueReturn | PartnershipProblem.StaleEntry));
        Assert.False(standing.HasAll(PartnershipProblem.OverdueReturn | PartnershipProblem.NoCoordinatorAccount));
    }
}
