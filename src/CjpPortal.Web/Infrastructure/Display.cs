using System.Globalization;
using CjpPortal.Core.Rules;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CjpPortal.Web.Infrastructure;

/// <summary>How dates and phone numbers appear on pages ("3 March 2026", GOV.UK style).</summary>
public static class Display
{
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date, string none) => date is { } d ? Date(d) : none;

    /// <summary>An instant as the date it was in Scotland (23:30 UTC in summer is already the next day there).</summary>
    public static string Date(DateTimeOffset instant) => Date(Core.Rules.ScottishTime.DateOf(instant));

    /// <summary>An instant as a short Scottish date and time for staff tables: "3 Feb 2027 14:30".</summary>
    public static string ShortDateTime(DateTimeOffset instant) =>
        Core.Rules.ScottishTime.LocalOf(instant).ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"A", "A and B", "A, B and C".</summary>
    public static string List(IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var all = items.ToList();
        return all.Count <= 1 ? string.Join(string.Empty, all) : string.Join(", ", all.Take(all.Count - 1)) + " and " + all[^1];
    }

    /// <summary>A file's size as people read it: "800 bytes", "35 KB", "1.2 MB".</summary>
    public static string FileSize(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(bytes / 1024.0)} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB"),
    };

    /// <summary>An instant as a Scottish date and time: "3 February 2027 at 14:30".</summary>
    public static string DateTime(DateTimeOffset instant) =>
        Core.Rules.ScottishTime.LocalOf(instant).ToString("d MMMM yyyy 'at' HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A meeting's time in Scotland: "Wednesday 3 February 2027, 14:30 to 16:00".</summary>
    public static string Meeting(DateTimeOffset starts, DateTimeOffset? ends)
    {
        var start = Core.Rules.ScottishTime.LocalOf(starts);
        var text = start.ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture);
        return ends is { } end ? $"{text} to {Core.Rules.ScottishTime.LocalOf(end).ToString("HH:mm", CultureInfo.InvariantCulture)}" : text;
    }

    /// <summary>An instant for a &lt;time datetime&gt; attribute, with its Scottish offset.</summary>
    public static string IsoInstant(DateTimeOffset instant) =>
        Core.Rules.ScottishTime.LocalOf(instant).ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture);

    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A tel: link target: digits and a leading plus only.</summary>
    public static string TelHref(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        return "tel:" + new string([.. phone.Where(c => char.IsAsciiDigit(c) || c == '+')]);
    }

    /// <summary>An e-mail address as a mailto: link, in lower case. An address stored before the e-mail rule was
    /// tightened (or written to the database some other way) that breaks <see cref="EmailAddress"/> is shown as
    /// text: as a link, a "?cc=" or "%40" in it would add recipients or headers to the message the visitor writes.</summary>
    public static IHtmlContent EmailLink(string address) => EmailLink(address, breakable: false);

    /// <summary>The same, and when <paramref name="breakable"/> with a line-break opportunity (<c>&lt;wbr&gt;</c>) after
    /// each dot and @, so a long address in a narrow table cell, or on paper, wraps between its parts instead of
    /// running out of the cell; the text read, copied and linked is unchanged.</summary>
    public static IHtmlContent EmailLink(string address, bool breakable)
    {
        ArgumentNullException.ThrowIfNull(address);
        var shown = EmailAddress.Normalise(address) ?? string.Empty;
        IHtmlContent text = breakable ? BreakAfterDotsAndAt(shown) : new HtmlContentBuilder().Append(shown);
        if (!EmailAddress.IsValid(shown))
        {
            return text;
        }

        var link = new TagBuilder("a");
        link.Attributes["href"] = "mailto:" + shown;
        link.InnerHtml.AppendHtml(text);
        return link;
    }

    private static HtmlContentBuilder BreakAfterDotsAndAt(string text)
    {
        var builder = new HtmlContentBuilder();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '.' or '@')
            {
                builder.Append(text[start..(i + 1)]).AppendHtml("<wbr>");
                start = i + 1;
            }
        }

        builder.Append(text[start..]);
        return builder;
    }
}
