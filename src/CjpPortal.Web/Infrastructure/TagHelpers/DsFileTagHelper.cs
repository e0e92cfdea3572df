using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Options;

namespace CjpPortal.Web.Infrastructure.TagHelpers;

/// <summary>A design-system file upload: <c>&lt;ds-file asp-for="Upload" label="Choose a file" accept=".pdf" /&gt;</c>
/// for an <see cref="IFormFile"/>. The design system's script turns it into a drop zone that keeps the input's
/// <c>aria-describedby</c> and error state. The form needs <c>enctype="multipart/form-data"</c>.</summary>
[HtmlTargetElement("ds-file", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsFileTagHelper(IOptions<MvcViewOptions> options) : DsControlTagHelper(options)
{
    protected override string ErrorClass => "ds_file-upload__input--error";

    protected override TagBuilder CreateControl(DsField field)
    {
        var input = Control("input", "ds_file-upload__input", field);
        input.TagRenderMode = TagRenderMode.StartTag;
        input.MergeAttribute("type", "file");
        return input;
    }

    protected override TagBuilder Wrap(TagBuilder control)
    {
        var upload = new TagBuilder("div");
        upload.AddCssClass("ds_file-upload");
        upload.MergeAttribute("data-module", "ds-file-upload");
        upload.InnerHtml.AppendHtml(control);
        return upload;
    }
}
