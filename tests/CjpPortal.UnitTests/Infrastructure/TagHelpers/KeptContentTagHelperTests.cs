using System.Text.Encodings.Web;
using CjpPortal.Web.Infrastructure.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CjpPortal.UnitTests.Infrastructure.TagHelpers;

public sealed class KeptContentTagHelperTests
{
    [Fact]
    public async Task Process_SameKey_RendersTheContentOnceAndWritesTheKeptHtml()
    {
        // Arrange
        var kept = new KeptContent();
        var renders = 0;

        // Act
        var first = await RenderAsync(kept, "page|v1", () => $"<p>render {++renders}</p>");
        var second = await RenderAsync(kept, "page|v1", () => $"<p>render {++renders}</p>");
        var other = await RenderAsync(kept, "page|v2", () => $"<p>render {++renders}</p>");

        // Assert
        Assert.Equal("<p>render 1</p>", first);
        Assert.Equal("<p>render 1</p>", second);
        Assert.Equal("<p>render 2</p>", other);
        Assert.Equal(2, renders);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Process_NoKey_RendersTheContentEveryTime(string? key)
    {
        // Arrange: Razor passes a null string attribute as an empty one
        var kept = new KeptContent();
        var renders = 0;

        // Act
        var first = await RenderAsync(kept, key, () => $"<p>render {++renders}</p>");
        var second = await RenderAsync(kept, key, () => $"<p>render {++renders}</p>");

        // Assert
        Assert.Equal("<p>render 1</p>", first);
        Assert.Equal("<p>render 2</p>", second);
    }

    [Fact]
    public async Task Process_IndentedContent_KeptWithoutIndentation()
    {
        // Arrange
        var kept = new KeptContent();

        // Act
        var html = await RenderAsync(kept, "page|v1", () => "<ul>\r\n    <li>One  two</li>\n\n\t  <li>Three</li> \n</ul>");

        // Assert: spaces within a line stay; a run with line breaks keeps only them
        Assert.Equal("<ul>\n<li>One  two</li>\n\n<li>Three</li>\n</ul>", html);
    }

    [Theory]
    [InlineData("<div>\n  <pre>a\n  b</pre>\n</div>")]
    [InlineData("<div>\n  <TEXTAREA>a\n  b</TEXTAREA>\n</div>")]
    [InlineData("<div>\n  <script>let a = `x\n  y`;</script>\n</div>")]
    public void WithoutIndentation_WhiteSpaceKeptAsWritten_Unchanged(string html)
    {
        // Act
        var result = KeptContentTagHelper.WithoutIndentation(html);

        // Assert
        Assert.Equal(html, result);
    }

    /// <summary>As a page does: the tag helper runs, and its child content is rendered unless it set the content.</summary>
    private static async Task<string> RenderAsync(KeptContent kept, string? key, Func<string> content)
    {
        var helper = new KeptContentTagHelper(kept) { Key = key };
        var context = new TagHelperContext("cjp-kept", [], new Dictionary<object, object>(), "test");
        var output = new TagHelperOutput("cjp-kept", [], (_, _) =>
            Task.FromResult<TagHelperContent>(new DefaultTagHelperContent().SetHtmlContent(content())));
        await helper.ProcessAsync(context, output);
        if (!output.IsContentModified)
        {
            output.Content.SetHtmlContent((await output.GetChildContentAsync()).GetContent());
        }

        await using var writer = new StringWriter();
        output.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}
