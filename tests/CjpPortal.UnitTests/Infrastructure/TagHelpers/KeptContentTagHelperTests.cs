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
