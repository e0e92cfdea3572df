using CjpPortal.Core.Documents;
using CjpPortal.Core.Domain;

namespace CjpPortal.UnitTests.Documents;

public sealed class DocumentFileNameTests
{
    [Theory]
    [InlineData("Falkirk CJOIP 2024-2029.pdf", DocumentFormat.Pdf, "Falkirk-CJOIP-2024-2029.pdf")]
    [InlineData(@"C:\Users\anna\Documents\Plan.PDF", DocumentFormat.Pdf, "Plan.pdf")]
    [InlineData("/home/anna/statement.docx", DocumentFormat.Docx, "statement.docx")]
    [InlineData("Annual report (2024/25) - final!!.odt", DocumentFormat.Odt, "25-final.odt")]
    [InlineData("Annual report (2024-25) -- final!!.odt", DocumentFormat.Odt, "Annual-report-2024-25-final.odt")]
    [InlineData("report", DocumentFormat.Odt, "report.odt")]
    [InlineData("report.pdf", DocumentFormat.Docx, "report.docx")]
    [InlineData("v1..2...final.pdf", DocumentFormat.Pdf, "v1.2.final.pdf")]
    [InlineData("../../etc/passwd", DocumentFormat.Pdf, "passwd.pdf")]
    [InlineData("Plana Gàidhlig.pdf", DocumentFormat.Pdf, "Plana-Gàidhlig.pdf")]
    [InlineData("<script>alert(1)</script>.pdf", DocumentFormat.Pdf, "script.pdf")]
    [InlineData("\"quoted\"; name.pdf", DocumentFormat.Pdf, "quoted-name.pdf")]
    [InlineData("   .pdf", DocumentFormat.Pdf, "document.pdf")]
    [InlineData("", DocumentFormat.Docx, "document.docx")]
    [InlineData(null, DocumentFormat.Pdf, "document.pdf")]
    [InlineData("---.pdf", DocumentFormat.Pdf, "document.pdf")]
    public void Sanitise_NameSent_GivesASafeNameWithTheRightExtension(string? original, DocumentFormat format, string expected)
    {
        // Act
        var name = DocumentFileName.Sanitise(original, format);

        // Assert
        Assert.Equal(expected, name);
    }

    [Fact]
    public void Sanitise_VeryLongName_IsCutToTheLimitKeepingTheExtension()
    {
        // Act
        var name = DocumentFileName.Sanitise(new string('a', 500) + ".docx", DocumentFormat.Docx);

        // Assert
        Assert.Equal((Document.FileNameMaxLength, true), (name.Length, name.EndsWith("aaaa.docx", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("Plana-Gàidhlig.pdf", "Plana-Gaidhlig.pdf")]
    [InlineData("plan.pdf", "plan.pdf")]
    [InlineData("Ωmega.pdf", "_mega.pdf")]
    public void Ascii_SanitisedName_DropsAccentsAndReplacesOtherLetters(string fileName, string expected)
    {
        // Act
        var ascii = DocumentFileName.Ascii(fileName);

        // Assert
        Assert.Equal(expected, ascii);
    }
}
