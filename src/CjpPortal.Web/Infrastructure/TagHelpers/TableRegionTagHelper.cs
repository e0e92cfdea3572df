using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CjpPortal.Web.Infrastructure.TagHelpers;

/// <summary>
/// The box every data table sits in: <c>&lt;table-region labelled-by="history-caption"&gt;&lt;table&gt;…&lt;/table-region&gt;</c>.
/// A table wider than the window scrolls sideways inside it, never the whole page (WCAG 2.2 1.4.10 reflow). The box
/// is a named region in the tab order (<c>role="region"</c>, <c>tabindex="0"</c>, <c>aria-labelledby</c> the
/// table's caption or heading), so keyboard users can scroll it with the arrow keys and screen readers announce what
/// it holds. Styles: <c>.cjp-table-region</c> in site.css; on a page with <c>ViewData["Wide"] = true</c> it may grow
/// past the text column to the width of the window.
/// </summary>
[HtmlTargetElement("table-region")]
public sealed class TableRegionTagHelper : TagHelper
{
    /// <summary>The id of the element naming the table: its caption (visually hidden if need be) or its heading.</summary>
    [HtmlAttributeName("labelled-by")]
    public string? LabelledBy { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (string.IsNullOrWhiteSpace(LabelledBy))
        {
            throw new InvalidOperationException("<table-region> needs labelled-by: the id of the table's caption or heading.");
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        var classes = output.Attributes.TryGetAttribute("class", out var given) ? $"cjp-table-region {given.Value}" : "cjp-table-region";
        output.Attributes.SetAttribute("class", classes);
        output.Attributes.SetAttribute("role", "region");
        output.Attributes.SetAttribute("aria-labelledby", LabelledBy);
        output.Attributes.SetAttribute("tabindex", "0");
    }
}
