using System.Net;
using CjpPortal.TestCommon;
using static CjpPortal.TestCommon.HtmlAssertions;

namespace CjpPortal.IntegrationTests.Find;

[Collection(PortalCollection.Name)]
public sealed class IndexTests(PortalFixture fixture)
{
    [Theory]
    [InlineData("Western%20Isles", "/partnerships/western-isles")]
    [InlineData("Eilean%20Siar", "/partnerships/western-isles")]
    [InlineData("Edinburgh", "/partnerships/edinburgh")]
    [InlineData("City%20of%20Edinburgh", "/partnerships/edinburgh")]
    [InlineData("Borders", "/partnerships/scottish-borders")]
    [InlineData("ayrshire", "/partnerships/ayrshire")]
    [InlineData("Glasgow%20City%20Council", "/partnerships/glasgow")]
    [InlineData("Perth%20%26%20Kinross", "/partnerships/perth-and-kinross")]
    [InlineData("%20%20falkirk%20", "/partnerships/falkirk")]
    public async Task Get_QueryMatchingOnePartnership_RedirectsToIt(string query, string expected)
    {
        // Act
        var response = await fixture.Client.GetAsync(new Uri($"/find?q={query}", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Get_QueryMatchingTwoPartnerships_ListsBoth()
    {
        // Act
        var page = await fixture.Client.GetDocumentAsync("/find?q=Lanarkshire");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        AssertNoErrors(page.Document);
        Assert.NotNull(page.Document.QuerySelector("main a[href='/partnerships/north-lanarkshire']"));
        Assert.NotNull(page.Document.QuerySelector("main a[href='/partnerships/south-lanarkshire']"));
        Assert.Equal("Lanarkshire", page.Document.QuerySelector("input[name='q']")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Get_QueryMatchingNothing_SaysSoAndLinksToList()
    {
        // Act
        var page = await fixture.Client.GetDocumentAsync("/find?q=Atlantis");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        AssertNoErrors(page.Document);
        Assert.Contains("No partnership found", page.Text, StringComparison.Ordinal);
        Assert.Contains("Atlantis", page.Text, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("main a[href='/partnerships']"));
        Assert.Empty(page.Document.QuerySelectorAll("main a[href^='/partnerships/']"));
    }

    [Fact]
    public async Task Get_QueryWithMarkup_IsShownAsText()
    {
        // Act
        var page = await fixture.Client.GetDocumentAsync("/find?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain(page.Document.QuerySelectorAll("script"), s => s.TextContent.Contains("alert", StringComparison.Ordinal));
        Assert.Contains("<script>alert(1)</script>", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_QueryOf100Characters_IsAccepted()
    {
        // Act
        var page = await fixture.Client.GetDocumentAsync("/find?q=" + new string('x', 100));

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        AssertNoErrors(page.Document);
    }

    [Fact]
    public async Task Get_QueryOver100Characters_Returns400WithError()
    {
        // Act
        var page = await fixture.Client.GetDocumentAsync("/find?q=" + new string('x', 101));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        AssertErrorSummaryContains(page.Document, "100 characters or fewer");
        AssertFieldError(page.Document, "q", "100 characters or fewer");
        Assert.StartsWith("Error: ", page.Document.Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Falkirk%07")]
    [InlineData("%00")]
    [InlineData("Fal%0Akirk")]
    public async Task Get_QueryWithControlCharacter_Returns400WithErrorAndDoesNotEchoIt(string query)
    {
        // Act
        var page = await fixture.Client.GetDocumentAsync("/find?q=" + query);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        AssertErrorSummaryContains(page.Document, "must only include letters, numbers, spaces and punctuation");
        AssertFieldError(page.Document, "q", "must only include letters, numbers, spaces and punctuation");
        Assert.True(string.IsNullOrEmpty(page.Document.QuerySelector("input[name='q']")?.GetAttribute("value")));
    }

    [Theory]
    [InlineData("/find?q=")]
    [InlineData("/find?q=%20%20")]
    [InlineData("/find")]
    public async Task Get_EmptyQuery_Returns400AskingForAName(string url)
    {
        // Act
        var page = await fixture.Client.GetDocumentAsync(url);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        AssertErrorSummaryContains(page.Document, "Enter a council area or partnership name");
        AssertFieldError(page.Document, "q", "Enter a council area or partnership name");
    }
}
