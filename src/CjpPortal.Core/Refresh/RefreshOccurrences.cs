using System.Globalization;

namespace CjpPortal.Core.Refresh;

/// <summary>The occurrence kinds and keys of the refresh (see <see cref="Scheduling.Occurrences"/>): one row per
/// partnership, year and step, one per year for the escalation, one per partnership, reporting year and reminder for
/// annual returns, and one per press of "send a reminder now". The progress page reads them back.</summary>
public static class RefreshOccurrences
{
    /// <summary>Key "{year}/{partnershipId}/{step}"; step 0 is the invitation.</summary>
    public const string StepKind = "refresh-step";

    /// <summary>Key "{year}".</summary>
    public const string EscalationKind = "refresh-escalation";

    /// <summary>Key "{year}/{partnershipId}/{unique}".</summary>
    public const string ManualReminderKind = "refresh-manual-reminder";

    /// <summary>Key "{reportingYearStart}/{partnershipId}/{daysBefore}".</summary>
    public const string ReturnDueKind = "return-due";

    public static string StepKey(int year, int partnershipId, int step) => Key(year, partnershipId, step.ToString(CultureInfo.InvariantCulture));

    public static string EscalationKey(int year) => year.ToString(CultureInfo.InvariantCulture);

    public static string ManualReminderKey(int year, int partnershipId, Guid press) => Key(year, partnershipId, press.ToString("N"));

    public static string ReturnDueKey(int reportingYearStart, int partnershipId, int daysBefore) =>
        Key(reportingYearStart, partnershipId, daysBefore.ToString(CultureInfo.InvariantCulture));

    /// <summary>The prefix of every key of <paramref name="year"/>, for reading them back.</summary>
    public static string YearPrefix(int year) => year.ToString(CultureInfo.InvariantCulture) + "/";

    /// <summary>The partnership id and the last part of a per-partnership key, or false.</summary>
    public static bool TryParse(string key, out int partnershipId, out string last)
    {
        ArgumentNullException.ThrowIfNull(key);
        var parts = key.Split('/');
        last = parts.Length == 3 ? parts[2] : string.Empty;
        partnershipId = 0;
        return parts.Length == 3 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out partnershipId);
    }

    private static string Key(int year, int partnershipId, string last) =>
        string.Create(CultureInfo.InvariantCulture, $"{year}/{partnershipId}/{last}");
}
