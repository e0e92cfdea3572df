namespace CjpPortal.Core.Refresh;

/// <summary>Settings under "Refresh": when the annual directory refresh opens, when coordinators are reminded, when
/// CJS staff hear about the partnerships still unconfirmed, and when coordinators are reminded of an annual return.
/// Checked when the host starts (<see cref="Problem"/>).</summary>
public sealed class RefreshOptions
{
    public const string SectionName = "Refresh";

    // Arrays, not lists: the configuration binder replaces an array but appends to a list's defaults.
#pragma warning disable CA1819

    /// <summary>The refresh opens on this day each year (a Scottish date), 1 April by default.</summary>
    public int OpensMonth { get; set; } = 4;

    public int OpensDay { get; set; } = 1;

    /// <summary>Days after the opening on which coordinators who have not confirmed are reminded.</summary>
    public int[] ReminderDays { get; set; } = [21, 35];

    /// <summary>The day after the opening on which CJS staff get one e-mail listing the partnerships still unconfirmed.</summary>
    public int EscalationDay { get; set; } = 42;

    /// <summary>Days before an annual return is due on which its partnership's coordinators are reminded.</summary>
    public int[] ReturnReminderDaysBefore { get; set; } = [60, 14];

#pragma warning restore CA1819

    /// <summary>How many days late a step may still be sent, when the scheduler did not run on its day (the server
    /// was down): a step older than this is skipped, so a portal started long after the refresh opened does not mail
    /// everyone at once.</summary>
    public int CatchUpDays { get; set; } = 14;

    /// <summary>What is wrong with <paramref name="options"/>, or null.</summary>
    public static string? Problem(RefreshOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // 2001 is not a leap year: 29 February would open the refresh only one year in four.
        if (options.OpensMonth is < 1 or > 12 || options.OpensDay < 1 || options.OpensDay > DateTime.DaysInMonth(2001, options.OpensMonth))
        {
            return "Refresh:OpensMonth and Refresh:OpensDay must name a day of the year other than 29 February.";
        }

        if (options.ReminderDays.Length == 0 || options.ReminderDays.Any(d => d is < 1 or > 300) || !StrictlyIncreasing(options.ReminderDays))
        {
            return "Refresh:ReminderDays must be one or more days between 1 and 300 after the opening, in increasing order.";
        }

        if (options.EscalationDay <= options.ReminderDays[^1] || options.EscalationDay > 300)
        {
            return "Refresh:EscalationDay must be after the last reminder day, and at most 300.";
        }

        var before = options.ReturnReminderDaysBefore;
        if (before.Length == 0 || before.Any(d => d is < 1 or > 300) || !StrictlyIncreasing([.. before.Reverse()]))
        {
            return "Refresh:ReturnReminderDaysBefore must be one or more days between 1 and 300 before the due date, in decreasing order.";
        }

        if (options.CatchUpDays is < 1 or > 60)
        {
            return "Refresh:CatchUpDays must be between 1 and 60.";
        }

        return null;
    }

    private static bool StrictlyIncreasing(int[] days)
    {
        for (var i = 1; i < days.Length; i++)
        {
            if (days[i] <= days[i - 1])
            {
                return false;
            }
        }

        return true;
    }
}
