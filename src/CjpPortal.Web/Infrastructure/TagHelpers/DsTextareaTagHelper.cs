using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Options;

namespace CjpPortal.Web.Infrastructure.TagHelpers;

/// <summary>A design-system textarea: <c>&lt;ds-textarea asp-for="Description" label="Description" rows="6" /&gt;</c>.</summary>
[HtmlTargetElement("ds-textarea", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsTextareaTagHelper(IOptions<MvcViewOptions> options) : DsControlTagHelper(options)
{
    [HtmlAttributeName("rows")]
    public int Rows { get; set; } = 6;

    protected override TagBuilder CreateControl(DsField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var textarea = Control("textarea", "ds_input", field);
        textarea.MergeAttribute("rows", Rows.ToString(CultureInfo.InvariantCulture));
        // A browser drops one line break straight after <textarea>, so one is written before the value to keep the value's own.
        textarea.InnerHtml.AppendHtml(Environment.NewLine);
        textarea.InnerHtml.Append(field.Value() ?? string.Empty);
        return textarea;
    }
}
