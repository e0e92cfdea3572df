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
    public static IHtmlContent EmailLink(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var shown = EmailAddress.Normalise(address) ?? string.Empty;
        if (!EmailAddress.IsValid(shown))
        {
            return new HtmlContentBuilder().Append(shown);
        }

        var link = new TagBuilder("a");
        link.Attributes["href"] = "mailto:" + shown;
        link.InnerHtml.Append(shown);
        return link;
    }
}
