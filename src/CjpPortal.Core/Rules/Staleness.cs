namespace CjpPortal.Core.Rules;

/// <summary>An entry is stale when it has not been confirmed for more than a year, or never.</summary>
public static class Staleness
{
    public const int MonthsBeforeStale = 12;

    public static bool IsStale(DateOnly? lastConfirmedOn, DateOnly today) =>
        lastConfirmedOn is null || lastConfirmedOn.Value.AddMonths(MonthsBeforeStale) < today;
}
