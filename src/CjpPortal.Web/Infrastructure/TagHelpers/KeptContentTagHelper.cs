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
/// bench/README.md).</summary>
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
            html = new HtmlString(content.GetContent());
            kept.Entries.Set(Key, html);
        }

        output.Content.SetHtmlContent(html);
    }
}
