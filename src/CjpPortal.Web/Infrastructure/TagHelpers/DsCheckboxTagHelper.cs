using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Options;

namespace CjpPortal.Web.Infrastructure.TagHelpers;

/// <summary>One design-system checkbox for a <see cref="bool"/>: <c>&lt;ds-checkbox asp-for="IsPublished" label="..." /&gt;</c>,
/// placed in a fieldset with the boxes it belongs with. A hidden <c>false</c> follows it, so an unticked box posts
/// false rather than nothing.</summary>
[HtmlTargetElement("ds-checkbox", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsCheckboxTagHelper(IOptions<MvcViewOptions> options) : DsQuestionTagHelper(options)
{
    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var field = Field();
        var input = Control("input", "ds_checkbox__input", field);
        input.TagRenderMode = TagRenderMode.StartTag;
        input.MergeAttribute("type", "checkbox");
        input.MergeAttribute("value", "true");
        if (field.Model is true)
        {
            input.MergeAttribute("checked", "checked");
        }

        MoveAttributes(output, input);
        var label = new TagBuilder("label");
        label.AddCssClass("ds_checkbox__label");
        label.MergeAttribute("for", field.Id);
        label.InnerHtml.Append(TextOr(Label));

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "ds_checkbox");
        output.Content.SetHtmlContent(new HtmlContentBuilder().AppendHtml(input).AppendHtml(label));

        var unticked = new TagBuilder("input") { TagRenderMode = TagRenderMode.StartTag };
        unticked.MergeAttribute("type", "hidden");
        unticked.MergeAttribute("name", field.Name);
        unticked.MergeAttribute("value", "false");
        output.PostElement.SetHtmlContent(unticked);
    }
}
