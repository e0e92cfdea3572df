using System.Globalization;

namespace CjpPortal.Web.Infrastructure;

/// <summary>How dates and phone numbers appear on pages ("3 March 2026", GOV.UK style).</summary>
public static class Display
{
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date, string none) => date is { } d ? Date(d) : none;

    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A tel: link target: digits and a leading plus only.</summary>
    public static string TelHref(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        return "tel:" + new string([.. phone.Where(c => char.IsAsciiDigit(c) || c == '+')]);
    }
}
