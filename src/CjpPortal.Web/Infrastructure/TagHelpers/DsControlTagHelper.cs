using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Options;

namespace CjpPortal.Web.Infrastructure.TagHelpers;

/// <summary>A question with one control under its label (input, textarea, select, date, file): the helper makes the
/// control; the label, hint, error, error classes and the attributes it does not bind are put around and on it here.</summary>
public abstract class DsControlTagHelper(IOptions<MvcViewOptions> options) : DsQuestionTagHelper(options)
{
    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    /// <summary>The control, named and identified after <paramref name="field"/> (see <see cref="DsQuestionTagHelper.Control"/>).</summary>
    protected abstract TagBuilder CreateControl(DsField field);

    /// <summary>The element the label sits over, when the control is wrapped (the select's arrow, the upload's drop
    /// zone); the control itself by default.</summary>
    protected virtual TagBuilder Wrap(TagBuilder control) => control;

    /// <summary>The class that marks the control as in error.</summary>
    protected virtual string ErrorClass => "ds_input--error";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var field = Field();
        var control = CreateControl(field);
        Describe(control, field, ErrorClass);
        MoveAttributes(output, control);
        WriteQuestion(output, field, TextOr(Label), Wrap(control));
    }
}
