namespace CjpPortal.TestCommon;

/// <summary>A clock that stands still until a test moves it. Microsoft.Extensions.TimeProvider.Testing is not
/// published at 10.0.x, so this small one keeps the Microsoft.* packages on one version.</summary>
public sealed class FixedTimeProvider(DateTimeOffset utcNow) : TimeProvider
{
    /// <summary>The date every integration test runs on, so dates seeded relative to "today" are stable.</summary>
    public static readonly DateOnly TestToday = new(2026, 11, 23);

    private DateTimeOffset now = utcNow;

    public FixedTimeProvider()
        : this(new DateTimeOffset(TestToday, new TimeOnly(12, 0), TimeSpan.Zero))
    {
    }

    /// <summary>Scotland is on UTC in November, and a fixed zone keeps "local" dates the same on every machine.</summary>
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow() => now;

    public void SetUtcNow(DateTimeOffset value) => now = value;

    public void Advance(TimeSpan by) => now += by;
}
