using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Options;

namespace CjpPortal.Web.Infrastructure.TagHelpers;

/// <summary>A date: <c>&lt;ds-date asp-for="DueOn" label="Due date" /&gt;</c>, one browser date input
/// (<c>type="date"</c>, value <c>yyyy-MM-dd</c>) that binds to a <see cref="DateOnly"/> with no binder of its own,
/// in the design system's question pattern. A value that is not a date is shown back as typed, with its error.</summary>
[HtmlTargetElement("ds-date", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsDateTagHelper(IOptions<MvcViewOptions> options) : DsControlTagHelper(options)
{
    protected override TagBuilder CreateControl(DsField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var input = Control("input", "ds_input", field);
        input.TagRenderMode = TagRenderMode.StartTag;
        input.AddCssClass("ds_input--fixed-10");
        input.MergeAttribute("type", "date");
        if (field.Value() is { } value)
        {
            input.MergeAttribute("value", value);
        }

        return input;
    }
}
