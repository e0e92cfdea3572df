using System.Net;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Options;

namespace CjpPortal.Web.Infrastructure.TagHelpers;

/// <summary>The design system's question pattern shared by every ds-* field: a <c>ds_question</c> wrapper (with
/// <c>ds_question--error</c>), the label or legend, the hint (<c>{id}-hint</c>) and the error message
/// (<c>{id}-error</c>, <c>ds_question__error-message</c>), all named from <c>asp-for</c> and ModelState. Attributes
/// written on the element that the helper does not know (<c>autocomplete</c>, <c>inputmode</c>, <c>accept</c>) go
/// on the control.</summary>
public abstract class DsQuestionTagHelper(IOptions<MvcViewOptions> options) : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    protected DsField Field() => DsField.For(ViewContext, For, Hint, options.Value.HtmlHelperOptions.IdAttributeDotReplacement);

    /// <summary>The text given, or the property's display name.</summary>
    protected string TextOr(string? given) => given ?? For.Metadata.DisplayName ?? For.Metadata.PropertyName ?? For.Name;

    /// <summary>Makes <paramref name="output"/> the question's wrapper: label, hint, error, then the control.</summary>
    protected void WriteQuestion(TagHelperOutput output, DsField field, string label, IHtmlContent control)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(field);
        var labelElement = new TagBuilder("label");
        labelElement.AddCssClass("ds_label");
        labelElement.MergeAttribute("for", field.Id);
        labelElement.InnerHtml.Append(label);

        var content = new HtmlContentBuilder().AppendHtml(labelElement);
        AppendHintAndError(content, field);
        content.AppendHtml(control);
        Wrap(output, field, content);
    }

    /// <summary>Makes <paramref name="output"/> a question whose options sit in a fieldset (radios, checkboxes): the
    /// fieldset names the hint and error in <c>aria-describedby</c>.</summary>
    protected void WriteFieldset(TagHelperOutput output, DsField field, string legend, IHtmlContent options)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(field);
        var fieldset = new TagBuilder("fieldset");
        if (field.DescribedBy is { } describedBy)
        {
            fieldset.MergeAttribute("aria-describedby", describedBy);
        }

        var legendElement = new TagBuilder("legend");
        legendElement.InnerHtml.Append(legend);
        fieldset.InnerHtml.AppendHtml(legendElement);
        AppendHintAndError(fieldset.InnerHtml, field);
        fieldset.InnerHtml.AppendHtml(options);
        Wrap(output, field, fieldset);
    }

    /// <summary>The error pattern on a text-like control: its error class, <c>aria-describedby</c> and
    /// <c>aria-invalid</c>.</summary>
    protected static void Describe(TagBuilder control, DsField field, string errorClass = "ds_input--error")
    {
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(field);
        if (field.HasError)
        {
            control.AddCssClass(errorClass);
            control.MergeAttribute("aria-invalid", "true");
        }

        if (field.DescribedBy is { } describedBy)
        {
            control.MergeAttribute("aria-describedby", describedBy);
        }
    }

    /// <summary>A control named and identified after the field.</summary>
    protected static TagBuilder Control(string tag, string cssClass, DsField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var control = new TagBuilder(tag);
        control.AddCssClass(cssClass);
        control.MergeAttribute("id", field.Id);
        control.MergeAttribute("name", field.Name);
        return control;
    }

    /// <summary>Moves the attributes written on the ds-* element, which the helper does not bind, to
    /// <paramref name="control"/>; a class is added to the control's own.</summary>
    protected static void MoveAttributes(TagHelperOutput output, TagBuilder control)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(control);
        foreach (var attribute in output.Attributes)
        {
            var value = attribute.ValueStyle == HtmlAttributeValueStyle.Minimized ? attribute.Name : Text(attribute.Value);
            if (string.Equals(attribute.Name, "class", StringComparison.OrdinalIgnoreCase))
            {
                control.AddCssClass(value);
            }
            else
            {
                control.MergeAttribute(attribute.Name, value, replaceExisting: true);
            }
        }

        output.Attributes.Clear();
    }

    private static void AppendHintAndError(IHtmlContentBuilder content, DsField field)
    {
        if (field.HintId is { } hintId)
        {
            content.AppendHtml(Paragraph("ds_hint-text", hintId, field.HintText));
        }

        if (field.ErrorId is { } errorId)
        {
            content.AppendHtml(Paragraph("ds_question__error-message", errorId, field.ErrorMessage));
        }
    }

    /// <summary>A hint or error message: <c>&lt;p class id&gt;text&lt;/p&gt;</c>.</summary>
    protected static TagBuilder Paragraph(string cssClass, string id, string? text)
    {
        var paragraph = new TagBuilder("p");
        paragraph.AddCssClass(cssClass);
        paragraph.MergeAttribute("id", id);
        paragraph.InnerHtml.Append(text ?? string.Empty);
        return paragraph;
    }

    private static void Wrap(TagHelperOutput output, DsField field, IHtmlContent content)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", field.HasError ? "ds_question ds_question--error" : "ds_question");
        output.Content.SetHtmlContent(content);
    }

    /// <summary>An attribute's value as text: Razor hands over literal values as HTML, so they are decoded here and
    /// encoded again when the control is written.</summary>
    private static string Text(object? value)
    {
        switch (value)
        {
            case null:
                return string.Empty;
            case string text:
                return text;
            case HtmlString html:
                return WebUtility.HtmlDecode(html.Value ?? string.Empty);
            case IHtmlContent content:
                using (var writer = new StringWriter())
                {
                    content.WriteTo(writer, HtmlEncoder.Default);
                    return WebUtility.HtmlDecode(writer.ToString());
                }

            default:
                return Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
        }
    }
}
