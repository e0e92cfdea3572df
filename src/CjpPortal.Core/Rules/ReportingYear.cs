using System.Globalization;

namespace CjpPortal.Core.Rules;

/// <summary>A community justice reporting year, 1 April to 31 March.</summary>
public readonly record struct ReportingYear(int StartYear)
{
    public DateOnly Start => new(StartYear, 4, 1);
    public DateOnly End => new(StartYear + 1, 3, 31);

    /// <summary>"2024-25", the form used in reports.</summary>
    public string Label => string.Create(CultureInfo.InvariantCulture, $"{StartYear}-{(StartYear + 1) % 100:D2}");

    public static ReportingYear Containing(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    /// <summary>The publication deadline: a configured day in the months after the year ends (31 December by default).</summary>
    public DateOnly DueDate(AnnualReturnDeadline deadline)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return new DateOnly(End.Year, deadline.Month, deadline.Day);
    }

    /// <summary>The most recent reporting year that has ended on or before <paramref name="today"/>.</summary>
    public static ReportingYear LatestEnded(DateOnly today) => new(Containing(today).StartYear - 1);

    public override string ToString() => Label;
}

/// <summary>When an annual report is due in the calendar year the reporting year ends. Guidance has changed
/// (30 September, now 31 December), so it comes from configuration.</summary>
public sealed record AnnualReturnDeadline(int Month = 12, int Day = 31);
