using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CjpPortal.Web.Infrastructure.TagHelpers;

/// <summary>Rendered HTML kept in this process by <see cref="KeptContentTagHelper"/>, under keys that name everything
/// the content depends on.</summary>
public sealed class KeptContent
{
    public const int MaxEntries = 64;

    internal SmallCache<string, HtmlString> Entries { get; } = new(MaxEntries);
}

/// <summary><c>&lt;cjp-kept key="..."&gt;content&lt;/cjp-kept&gt;</c>: renders the content once for each key and then
/// writes the kept HTML as it is; with no key (null or empty: Razor writes a null string attribute as an empty one), the
/// content is rendered every time. The key must name everything
/// the content shows (data versions, the filter, the day), and the content must hold nothing of the request or the
/// user (no antiforgery tokens, no banners). Unlike MVC's <c>cache</c> tag helper, the HTML is kept as one string,
/// which the page's buffer holds by reference: the <c>cache</c> tag helper's paged character buffer was copied into a
/// new string per 1,024-character page on every request (about 280 KB of garbage for the CJS dashboard's 142 KB;
/// bench/README.md). The kept HTML drops the source's indentation (<see cref="WithoutIndentation"/>), which was a
/// fifth of the dashboard's table.</summary>
[HtmlTargetElement("cjp-kept")]
public sealed class KeptContentTagHelper(KeptContent kept) : TagHelper
{
    public string? Key { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = null;
        if (string.IsNullOrEmpty(Key))
        {
            return;
        }

        if (!kept.Entries.TryGet(Key, out var html))
        {
            var content = await output.GetChildContentAsync();
            html = new HtmlString(WithoutIndentation(content.GetContent()));
            kept.Entries.Set(Key, html);
        }

        output.Content.SetHtmlContent(html);
    }

    /// <summary>Each run of white space that holds a line break becomes just its line breaks: the indentation of the
    /// page's source goes, and the page looks the same, since a browser shows any run of white space as one space
    /// (and, where CSS keeps line breaks, <c>pre-line</c>, drops the spaces around them). Content with a
    /// <c>pre</c>, <c>textarea</c> or <c>script</c> element, where white space is kept as written, is returned as it
    /// is. An attribute value written over several lines loses its indentation too (a browser keeps that as written),
    /// so kept content should keep its attribute values on one line, as the portal's do.</summary>
    public static string WithoutIndentation(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (html.Contains("<pre", StringComparison.OrdinalIgnoreCase)
            || html.Contains("<textarea", StringComparison.OrdinalIgnoreCase)
            || html.Contains("<script", StringComparison.OrdinalIgnoreCase))
        {
            return html;
        }

        var result = new System.Text.StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            if (!IsSpace(html[i]))
            {
                result.Append(html[i++]);
                continue;
            }

            var start = i;
            var breaks = 0;
            for (; i < html.Length && IsSpace(html[i]); i++)
            {
                breaks += html[i] == '\n' ? 1 : 0;
            }

            if (breaks == 0)
            {
                result.Append(html, start, i - start);
            }
            else
            {
                result.Append('\n', breaks);
            }
        }

        return result.ToString();

        static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';
    }
}
