using CjpPortal.Web.Infrastructure;

namespace CjpPortal.UnitTests.Infrastructure;

public sealed class CsvSafetyTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://example.org\")", "'=HYPERLINK(\"http://example.org\")")]
    [InlineData("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0")]
    [InlineData("+1 555", "'+1 555")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tTabbed", "'\tTabbed")]
    [InlineData("\rReturn", "'\rReturn")]
    public void Neutralise_FormulaLikeText_PrefixesApostrophe(string value, string expected)
    {
        // Act / Assert
        Assert.Equal(expected, CsvSafety.Neutralise(value));
    }

    [Theory]
    [InlineData("Falkirk Community Justice Partnership")]
    [InlineData("0131 496 0001")]
    [InlineData("a=b")]
    [InlineData("Alex Example - coordinator")]
    [InlineData("'quoted")]
    public void Neutralise_OrdinaryText_IsUnchanged(string value)
    {
        // Act / Assert
        Assert.Equal(value, CsvSafety.Neutralise(value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Neutralise_Missing_ReturnsEmpty(string? value)
    {
        // Act / Assert
        Assert.Equal(string.Empty, CsvSafety.Neutralise(value));
    }
}
