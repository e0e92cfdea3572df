using CjpPortal.Core.Updates;

namespace CjpPortal.UnitTests.Updates;

public sealed class UpdateMarkdownTests
{
    [Fact]
    public void ToHtml_ScriptTag_IsShownAsText()
    {
        // Act
        var html = UpdateMarkdown.ToHtml("Hello <script>alert('x')</script> there");

        // Assert
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_RawHtmlBlock_IsShownAsText()
    {
        // Act
        var html = UpdateMarkdown.ToHtml("<div onclick=\"steal()\">\n<iframe src=\"https://evil.example\"></iframe>\n</div>");

        // Assert
        Assert.DoesNotContain("<div", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;iframe", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JavaScript:alert(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[click](vbscript:msgbox)")]
    [InlineData("[click][ref]\n\n[ref]: javascript:alert(1)")]
    public void ToHtml_UnsafeLink_KeepsItsWordsWithoutTheAddress(string markdown)
    {
        // Act
        var html = UpdateMarkdown.ToHtml(markdown);

        // Assert
        Assert.DoesNotContain("<a", html, StringComparison.Ordinal);
        Assert.DoesNotContain("script:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("click", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_JavascriptAutolink_IsNotALink()
    {
        // Act
        var html = UpdateMarkdown.ToHtml("<javascript:alert(1)>");

        // Assert
        Assert.DoesNotContain("<a", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_HttpsLink_IsANofollowLink()
    {
        // Act
        var html = UpdateMarkdown.ToHtml("[The plan](https://example.org/plan)");

        // Assert
        Assert.Equal("<p><a href=\"https://example.org/plan\" rel=\"nofollow ugc\">The plan</a></p>\n", html);
    }

    [Fact]
    public void ToHtml_Image_BecomesALinkToIt()
    {
        // Act
        var html = UpdateMarkdown.ToHtml("![Forum poster](https://tracker.example/pixel.png)");

        // Assert
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Equal("<p><a href=\"https://tracker.example/pixel.png\" rel=\"nofollow ugc\">Forum poster</a></p>\n", html);
    }

    [Fact]
    public void ToHtml_ImageWithJavascriptAddress_IsTextOnly()
    {
        // Act
        var html = UpdateMarkdown.ToHtml("![x](javascript:alert(1))");

        // Assert
        Assert.Equal("<p>x</p>\n", html);
    }

    [Theory]
    [InlineData("# Agenda", "<h2>Agenda</h2>\n")]
    [InlineData("## Agenda", "<h3>Agenda</h3>\n")]
    [InlineData("###### Agenda", "<h6>Agenda</h6>\n")]
    public void ToHtml_Heading_StartsBelowThePagesH1(string markdown, string expected)
    {
        // Act
        var html = UpdateMarkdown.ToHtml(markdown);

        // Assert
        Assert.Equal(expected, html);
    }

    [Fact]
    public void Summary_LongBody_IsCutAtAWord()
    {
        // Arrange
        var body = "**Forum** meets " + string.Join(' ', Enumerable.Repeat("again", 60));

        // Act
        var summary = UpdateMarkdown.Summary(body, 30);

        // Assert
        Assert.Equal("Forum meets again again again…", summary);
    }
}
