using CjpPortal.Web.Infrastructure;

namespace CjpPortal.UnitTests.Infrastructure;

/// <summary>A cell is neutralised only when a spreadsheet would run it as a formula (OWASP CSV injection): the attack
/// strings below come from the OWASP and PayloadsAllTheThings lists.</summary>
public sealed class CsvSafetyTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://example.org\")")]
    [InlineData("=cmd|' /C calc'!A0")]
    [InlineData("=1+1")]
    [InlineData("@SUM(A1)")]
    [InlineData("@SUM(1+9)*cmd|' /C calc'!A0")]
    [InlineData("\tTabbed")]
    [InlineData("\t=1+1")]
    [InlineData("\rReturn")]
    [InlineData("\r=1+1")]
    [InlineData("+1+1")]
    [InlineData("+cmd|' /C calc'!A0")]
    [InlineData("+HYPERLINK(\"http://attacker.example\")")]
    [InlineData("-2+3")]
    [InlineData("-2+3+cmd|' /C calc'!E2")]
    [InlineData("-cmd|' /C calc'!A0")]
    [InlineData("+1 555")]
    [InlineData("+44 1324 506070 =1+1")]
    [InlineData("+44 1324 506070\n=1+1")]
    [InlineData("+44 (0)1324 50607!A1")]
    [InlineData("+")]
    [InlineData("-")]
    [InlineData("+441324506070123456789")]
    public void Neutralise_FormulaLikeText_PrefixesApostrophe(string value)
    {
        // Act
        var result = CsvSafety.Neutralise(value);

        // Assert
        Assert.Equal("'" + value, result);
    }

    [Theory]
    [InlineData("+44 1324 506070")]
    [InlineData("+44 (0)1324 506070")]
    [InlineData("+44 1324-506-070")]
    [InlineData("+441324506070")]
    [InlineData("+353 1 234 5678")]
    public void Neutralise_InternationalPhoneNumber_IsUnchanged(string value)
    {
        // Act / Assert
        Assert.Equal(value, CsvSafety.Neutralise(value));
    }

    [Theory]
    [InlineData("Falkirk Community Justice Partnership")]
    [InlineData("0131 496 0001")]
    [InlineData("a=b")]
    [InlineData("Alex Example - coordinator")]
    [InlineData("'quoted")]
    [InlineData("falkirk.tsi@example.org")]
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
