namespace CjpPortal.Core.Rules;

/// <summary>Dates are Scottish dates: a deadline of 31 December ends at midnight in Scotland, not in UTC.</summary>
public static class ScottishTime
{
    private static readonly TimeZoneInfo Zone = Find();

    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOf(clock.GetUtcNow());
    }

    /// <summary>The date in Scotland at <paramref name="instant"/>.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>Midnight at the start of <paramref name="date"/> in Scotland, as an instant.</summary>
    public static DateTimeOffset StartOf(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (TimeZoneNotFoundException)
        {
            // A container without tzdata: UTC is at most an hour out, in summer.
            return TimeZoneInfo.Utc;
        }
    }
}
