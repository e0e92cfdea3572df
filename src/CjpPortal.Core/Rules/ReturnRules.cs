namespace CjpPortal.Core.Rules;

/// <summary>Where a partnership's annual return for one reporting year stands on a given day.</summary>
public enum ReturnStatus
{
    /// <summary>The reporting year has not ended yet.</summary>
    NotYetDue,

    /// <summary>The year has ended and the due date has not passed; nothing submitted yet.</summary>
    Due,

    /// <summary>The due date has passed and nothing has been submitted.</summary>
    Overdue,

    /// <summary>Submitted to Community Justice Scotland; the report is not published yet.</summary>
    Submitted,

    /// <summary>The annual report is published.</summary>
    Published,
}

/// <summary>The dates of a recorded annual return; <see cref="DueOn"/> overrides the configured deadline when set.</summary>
public sealed record ReturnDates(int ReportingYearStart, DateOnly? DueOn, DateOnly? SubmittedOn, DateOnly? PublishedOn);

/// <summary>The annual return rules, computed from dates with the caller's "today" rather than from stored flags.</summary>
public static class ReturnRules
{
    /// <summary>The due date of <paramref name="year"/>'s return: the recorded one, or the configured deadline after the year ends.</summary>
    public static DateOnly DueOn(ReportingYear year, ReturnDates? recorded, AnnualReturnDeadline deadline) =>
        recorded?.DueOn ?? year.DueDate(deadline);

    public static ReturnStatus StatusOf(ReportingYear year, ReturnDates? recorded, AnnualReturnDeadline deadline, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        if (recorded is not null && recorded.ReportingYearStart != year.StartYear)
        {
            throw new ArgumentException($"The return is for {new ReportingYear(recorded.ReportingYearStart)}, not {year}.", nameof(recorded));
        }

        if (recorded?.PublishedOn is { } published && published <= today)
        {
            return ReturnStatus.Published;
        }

        if (recorded?.SubmittedOn is { } submitted && submitted <= today)
        {
            return ReturnStatus.Submitted;
        }

        if (today <= year.End)
        {
            return ReturnStatus.NotYetDue;
        }

        return today > DueOn(year, recorded, deadline) ? ReturnStatus.Overdue : ReturnStatus.Due;
    }

    /// <summary>Reporting years a return can be recorded for: ended ones only, newest first, back to 2017-18 (the first
    /// year under the 2016 Act).</summary>
    public static IEnumerable<ReportingYear> EndedYears(DateOnly today)
    {
        for (var year = ReportingYear.LatestEnded(today).StartYear; year >= FirstYear; year--)
        {
            yield return new ReportingYear(year);
        }
    }

    public const int FirstYear = 2017;
}
