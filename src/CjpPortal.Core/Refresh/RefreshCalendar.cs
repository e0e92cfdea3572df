namespace CjpPortal.Core.Refresh;

/// <summary>The step of the refresh due on a day: the invitation (step 0) or a reminder (step 1, 2, ...).</summary>
public readonly record struct RefreshStep(int Number, DateOnly On)
{
    public bool IsInvitation => Number == 0;
}

/// <summary>The refresh's dates as pure rules over Scottish dates, so the jobs, the progress page and the tests read
/// the same calendar. A refresh year is named by the calendar year it opens in.</summary>
public sealed class RefreshCalendar(RefreshOptions options)
{
    public DateOnly Opens(int year) => new(year, options.OpensMonth, options.OpensDay);

    /// <summary>The refresh open on <paramref name="today"/>: this year's once it has opened, otherwise last year's.</summary>
    public int YearOn(DateOnly today) => today >= Opens(today.Year) ? today.Year : today.Year - 1;

    /// <summary>The invitation's day, then each reminder's.</summary>
    public IReadOnlyList<RefreshStep> Steps(int year) =>
        [new RefreshStep(0, Opens(year)), .. options.ReminderDays.Select((d, i) => new RefreshStep(i + 1, Opens(year).AddDays(d)))];

    public DateOnly EscalatesOn(int year) => Opens(year).AddDays(options.EscalationDay);

    /// <summary>The one step to send on <paramref name="today"/>: the latest whose day has come, and only while it is at
    /// most <see cref="RefreshOptions.CatchUpDays"/> late. Earlier steps that were missed are not sent: a coordinator
    /// who should have had the invitation and the first reminder gets the first reminder, once.</summary>
    public RefreshStep? StepDue(int year, DateOnly today)
    {
        var latest = Steps(year).LastOrDefault(s => s.On <= today);
        return latest.On != default && Fresh(latest.On, today) ? latest : null;
    }

    public bool EscalationDue(int year, DateOnly today) => EscalatesOn(year) <= today && Fresh(EscalatesOn(year), today);

    /// <summary>Confirmed for the refresh <paramref name="year"/>: on or after its opening day.</summary>
    public bool IsConfirmed(int year, DateOnly? lastConfirmedOn) => lastConfirmedOn >= Opens(year);

    /// <summary>The return reminder to send <paramref name="today"/> for a return due on <paramref name="dueOn"/>:
    /// the days-before figure of the latest reminder whose day has come (and is not too late), or null. None on or
    /// after the due date itself.</summary>
    public int? ReturnReminderDue(DateOnly dueOn, DateOnly today)
    {
        if (today >= dueOn)
        {
            return null;
        }

        int? latest = null;
        foreach (var before in options.ReturnReminderDaysBefore)
        {
            if (dueOn.AddDays(-before) <= today)
            {
                latest = before;
            }
        }

        return latest is { } days && Fresh(dueOn.AddDays(-days), today) ? latest : null;
    }

    private bool Fresh(DateOnly due, DateOnly today) => today.DayNumber - due.DayNumber < options.CatchUpDays;
}
