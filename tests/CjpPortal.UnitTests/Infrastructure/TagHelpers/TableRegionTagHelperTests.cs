using System.Text.Encodings.Web;
using AngleSharp.Html.Parser;
using CjpPortal.Web.Infrastructure.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CjpPortal.UnitTests.Infrastructure.TagHelpers;

/// <summary>&lt;table-region&gt; is the one box every data table scrolls in: focusable, a named region, the table kept.</summary>
public sealed class TableRegionTagHelperTests
{
    [Fact]
    public async Task TableRegion_LabelledByCaption_WritesAFocusableRegionNamedByTheCaptionAroundTheTable()
    {
        // Arrange
        var helper = new TableRegionTagHelper { LabelledBy = "history-caption" };

        // Act
        var html = await RenderAsync(helper, "<table id=\"history\"><caption id=\"history-caption\">Changes</caption></table>", ("class", "cjp-extra"));

        // Assert
        var document = await new HtmlParser().ParseDocumentAsync(html);
        var region = Assert.Single(document.QuerySelectorAll("div.cjp-table-region"));
        Assert.Equal("region", region.GetAttribute("role"));
        Assert.Equal("0", region.GetAttribute("tabindex"));
        Assert.Equal("history-caption", region.GetAttribute("aria-labelledby"));
        Assert.Contains("cjp-extra", region.ClassList);
        Assert.NotNull(region.QuerySelector("table#history > caption#history-caption"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public async Task TableRegion_WithoutLabel_Throws(string? labelledBy)
    {
        // Arrange
        var helper = new TableRegionTagHelper { LabelledBy = labelledBy };

        // Act
        var render = () => RenderAsync(helper, "<table></table>");

        // Assert
        await Assert.ThrowsAsync<InvalidOperationException>(render);
    }

    private static async Task<string> RenderAsync(TagHelper helper, string content, params (string Name, string Value)[] attributes)
    {
        var list = new TagHelperAttributeList(attributes.Select(a => new TagHelperAttribute(a.Name, a.Value)));
        var context = new TagHelperContext("table-region", list, new Dictionary<object, object>(), "test");
        var output = new TagHelperOutput("table-region", new TagHelperAttributeList(list), (_, _) =>
            Task.FromResult<TagHelperContent>(new DefaultTagHelperContent().SetHtmlContent(content)));
        await helper.ProcessAsync(context, output);
        output.Content.SetHtmlContent((await output.GetChildContentAsync()).GetContent());
        await using var writer = new StringWriter();
        output.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}
