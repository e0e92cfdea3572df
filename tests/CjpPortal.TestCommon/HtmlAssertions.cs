using AngleSharp.Dom;
using Xunit;
using Xunit.Sdk;

namespace CjpPortal.TestCommon;

/// <summary>Checks for the design system's error pattern: a summary at the top and a message beside the field.</summary>
public static class HtmlAssertions
{
    public static void AssertErrorSummaryContains(IDocument document, string message)
    {
        ArgumentNullException.ThrowIfNull(document);
        var summary = document.QuerySelector(".ds_error-summary")
            ?? throw new XunitException($"Expected an error summary (.ds_error-summary) on {document.Url}.");
        Assert.Contains(message, summary.TextOf(), StringComparison.Ordinal);
    }

    /// <summary>The message shown beside field <paramref name="field"/> (<c>#{field}-error</c>); the summary links to the field.</summary>
    public static void AssertFieldError(IDocument document, string field, string message)
    {
        ArgumentNullException.ThrowIfNull(document);
        var error = document.GetElementById($"{field}-error")
            ?? throw new XunitException($"Expected an error message #{field}-error on {document.Url}.");
        Assert.Contains(message, error.TextOf(), StringComparison.Ordinal);
        Assert.NotNull(document.GetElementById(field));
        Assert.Contains(
            document.QuerySelectorAll(".ds_error-summary a"),
            link => link.GetAttribute("href") == $"#{field}");
    }

    public static void AssertNoErrors(IDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        Assert.Null(document.QuerySelector(".ds_error-summary"));
    }
}
