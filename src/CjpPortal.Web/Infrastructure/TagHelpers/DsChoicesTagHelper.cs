using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Options;

namespace CjpPortal.Web.Infrastructure.TagHelpers;

/// <summary>Radios or checkboxes in a fieldset with a legend. The first option's id is the field's, so the error
/// summary's link lands on it; the others are <c>{id}-{value}</c>. An option's own hint (<see cref="ChoiceItem"/>)
/// is <c>{id}-{value}-hint</c>, named by that option's <c>aria-describedby</c>.</summary>
public abstract class DsChoicesTagHelper(IOptions<MvcViewOptions> options, string kind, string inputType) : DsQuestionTagHelper(options)
{
    [HtmlAttributeName("legend")]
    public string? Legend { get; set; }

    [HtmlAttributeName("asp-items")]
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    /// <summary>The design system's small variant (<c>ds_radio--small</c>, <c>ds_checkbox--small</c>).</summary>
    [HtmlAttributeName("small")]
    public bool Small { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var field = Field();
        var chosen = field.Values();
        var content = new HtmlContentBuilder();
        var index = 0;
        foreach (var item in Items)
        {
            var id = field.OptionId(index++, item.Value);
            var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.StartTag };
            input.AddCssClass($"ds_{kind}__input");
            input.MergeAttribute("type", inputType);
            input.MergeAttribute("id", id);
            input.MergeAttribute("name", field.Name);
            input.MergeAttribute("value", item.Value ?? string.Empty);
            if (chosen.Count == 0 ? item.Selected : chosen.Contains(item.Value ?? string.Empty))
            {
                input.MergeAttribute("checked", "checked");
            }

            var hintId = item is ChoiceItem { Hint: not null } ? $"{field.Id}-{TagBuilder.CreateSanitizedId(item.Value ?? string.Empty, "_")}-hint" : null;
            if (hintId is not null)
            {
                input.MergeAttribute("aria-describedby", hintId);
            }

            var label = new TagBuilder("label");
            label.AddCssClass($"ds_{kind}__label");
            label.MergeAttribute("for", id);
            label.InnerHtml.Append(item.Text);

            var option = new TagBuilder("div");
            option.AddCssClass($"ds_{kind}");
            if (Small)
            {
                option.AddCssClass($"ds_{kind}--small");
            }

            option.InnerHtml.AppendHtml(input).AppendHtml(label);
            if (hintId is not null)
            {
                option.InnerHtml.AppendHtml(Paragraph("ds_hint-text", hintId, ((ChoiceItem)item).Hint));
            }

            content.AppendHtml(option);
        }

        WriteFieldset(output, field, TextOr(Legend), content);
    }
}

/// <summary>Design-system radios: <c>&lt;ds-radios asp-for="Role" asp-items="Model.Roles" legend="..." /&gt;</c>.</summary>
[HtmlTargetElement("ds-radios", Attributes = "asp-for,asp-items", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsRadiosTagHelper(IOptions<MvcViewOptions> options) : DsChoicesTagHelper(options, "radio", "radio");

/// <summary>Design-system checkboxes for a collection: <c>&lt;ds-checkboxes asp-for="PartnershipIds"
/// asp-items="Model.Partnerships" legend="..." /&gt;</c>; the boxes that are ticked post the collection's values.</summary>
[HtmlTargetElement("ds-checkboxes", Attributes = "asp-for,asp-items", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsCheckboxesTagHelper(IOptions<MvcViewOptions> options) : DsChoicesTagHelper(options, "checkbox", "checkbox");
