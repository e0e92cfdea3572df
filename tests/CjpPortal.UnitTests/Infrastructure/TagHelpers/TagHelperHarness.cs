using System.Text.Encodings.Web;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CjpPortal.Web.Infrastructure.TagHelpers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Options;

namespace CjpPortal.UnitTests.Infrastructure.TagHelpers;

/// <summary>Runs a ds-* tag helper as a view would, on a property of <see cref="Fields"/>, with or without an error
/// in ModelState, and parses what it wrote.</summary>
internal sealed class TagHelperHarness
{
    private readonly EmptyModelMetadataProvider metadata = new();

    public TagHelperHarness(Fields? form = null, string? prefix = null)
    {
        Form = form ?? new Fields();
        ViewContext = new ViewContext
        {
            HttpContext = new DefaultHttpContext(),
            ViewData = new ViewDataDictionary(metadata, new ModelStateDictionary()),
        };
        ViewContext.ViewData.TemplateInfo.HtmlFieldPrefix = prefix ?? string.Empty;
    }

    public Fields Form { get; }

    public ViewContext ViewContext { get; }

    public static IOptions<MvcViewOptions> Options { get; } = Microsoft.Extensions.Options.Options.Create(new MvcViewOptions());

    public ModelStateDictionary ModelState => ViewContext.ViewData.ModelState;

    public ModelExpression For(string property) =>
        new(property, metadata.GetModelExplorerForType(typeof(Fields), Form).GetExplorerForProperty(property));

    /// <summary>Renders <paramref name="helper"/> written as <c>&lt;tag attributes /&gt;</c> and returns the
    /// document's body, holding what it wrote.</summary>
    public async Task<IElement> RenderAsync(DsQuestionTagHelper helper, string tag, params (string Name, object? Value)[] attributes)
    {
        ArgumentNullException.ThrowIfNull(helper);
        helper.ViewContext = ViewContext;
        var list = new TagHelperAttributeList(attributes.Select(a => a.Value is null
            ? new TagHelperAttribute(a.Name)
            : new TagHelperAttribute(a.Name, a.Value)));
        var context = new TagHelperContext(tag, list, new Dictionary<object, object>(), "test");
        var output = new TagHelperOutput(tag, new TagHelperAttributeList(list), (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()))
        {
            TagMode = TagMode.SelfClosing,
        };
        await helper.ProcessAsync(context, output);
        await using var writer = new StringWriter();
        output.WriteTo(writer, HtmlEncoder.Default);
        var document = await new HtmlParser().ParseDocumentAsync(writer.ToString());
        return document.Body!;
    }

    public sealed class Fields
    {
        public string? Website { get; set; }
        public string? Notes { get; set; }
        public int? ContactId { get; set; }
        public DateOnly? DueOn { get; set; }
        public string? Role { get; set; }
        public List<int> PartnershipIds { get; set; } = [];
        public bool IsPublished { get; set; }
        public IFormFile? Upload { get; set; }
    }
}
