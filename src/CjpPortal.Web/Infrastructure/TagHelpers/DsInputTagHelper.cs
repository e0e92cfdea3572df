using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Options;

namespace CjpPortal.Web.Infrastructure.TagHelpers;

/// <summary>A design-system text input: <c>&lt;ds-input asp-for="Website" label="Website" hint="..." type="url"
/// width="fixed-20" /&gt;</c>. <c>width</c> is a design-system width (<c>fixed-20</c>, <c>fluid-two-thirds</c>).</summary>
[HtmlTargetElement("ds-input", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsInputTagHelper(IOptions<MvcViewOptions> options) : DsControlTagHelper(options)
{
    /// <summary>text (the default), email, tel, url, number, password...</summary>
    [HtmlAttributeName("type")]
    public string Type { get; set; } = "text";

    [HtmlAttributeName("width")]
    public string? Width { get; set; }

    protected override TagBuilder CreateControl(DsField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var input = Control("input", "ds_input", field);
        input.TagRenderMode = TagRenderMode.StartTag;
        if (Width is not null)
        {
            input.AddCssClass($"ds_input--{Width}");
        }

        input.MergeAttribute("type", Type);
        // Names, codes and addresses are not words: no red underlines.
        input.MergeAttribute("spellcheck", "false");
        if (field.Value() is { } value)
        {
            input.MergeAttribute("value", value);
        }

        return input;
    }
}
