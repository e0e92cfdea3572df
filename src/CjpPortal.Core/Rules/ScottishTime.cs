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

    /// <summary>The instant a Scottish wall-clock time happens (in the hour skipped in spring, the hour after; in the
    /// hour repeated in autumn, the first).</summary>
    public static DateTimeOffset InstantOf(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>The Scottish wall-clock time at <paramref name="instant"/>.</summary>
    public static DateTimeOffset LocalOf(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

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
