using System.Text;

namespace CjpPortal.Core.Email.Messages;

/// <summary>Builds the HTML part of a message. Every value is HTML-encoded (quotes included, so the same encoding
/// is safe in attributes); callers pass plain text and absolute links, never markup.</summary>
public sealed class EmailHtml
{
    private readonly StringBuilder body = new();

    public EmailHtml Paragraph(string text)
    {
        body.Append("<p>").Append(Encode(text)).Append("</p>\n");
        return this;
    }

    /// <summary>A bulleted list, one item per entry.</summary>
    public EmailHtml List(IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        body.Append("<ul>\n");
        foreach (var item in items)
        {
            body.Append("<li>").Append(Encode(item)).Append("</li>\n");
        }

        body.Append("</ul>\n");
        return this;
    }

    /// <summary>A paragraph holding one link whose visible text is the address itself, as in the text part, so the
    /// reader sees where it goes.</summary>
    public EmailHtml Link(Uri href)
    {
        ArgumentNullException.ThrowIfNull(href);
        var value = Encode(href.AbsoluteUri);
        body.Append("<p><a href=\"").Append(value).Append("\">").Append(value).Append("</a></p>\n");
        return this;
    }

    public EmailHtml Heading(string text, int level = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 6);
        body.Append("<h").Append(level).Append('>').Append(Encode(text)).Append("</h").Append(level).Append(">\n");
        return this;
    }

    /// <summary>A paragraph holding one link with its own words (the address follows in brackets in the text part).</summary>
    public EmailHtml Link(Uri href, string text)
    {
        ArgumentNullException.ThrowIfNull(href);
        body.Append("<p><a href=\"").Append(Encode(href.AbsoluteUri)).Append("\">").Append(Encode(text)).Append("</a></p>\n");
        return this;
    }

    /// <summary>Markup that is already safe (the portal's own Markdown rendering, with raw HTML disabled).</summary>
    public EmailHtml Trusted(string html)
    {
        body.Append(html).Append('\n');
        return this;
    }

    public string Document(string title) =>
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + Encode(title) +
        "</title>\n</head>\n<body>\n" + body + "</body>\n</html>\n";

    private static string Encode(string text) => System.Net.WebUtility.HtmlEncode(text);
}
