using CjpPortal.Core.Documents;
using CjpPortal.Core.Domain;
using CjpPortal.TestCommon;

namespace CjpPortal.UnitTests.Documents;

public sealed class DocumentContentCheckTests
{
    public static TheoryData<string, string, DocumentFormat> Accepted => new()
    {
        { "plan.pdf", nameof(SampleDocuments.Pdf), DocumentFormat.Pdf },
        { "PLAN.PDF", nameof(SampleDocuments.Pdf), DocumentFormat.Pdf },
        { "statement.docx", nameof(SampleDocuments.Docx), DocumentFormat.Docx },
        { "report.odt", nameof(SampleDocuments.Odt), DocumentFormat.Odt },
        { "no-extension", nameof(SampleDocuments.Odt), DocumentFormat.Odt },
    };

    public static TheoryData<string, string, DocumentProblem> Refused => new()
    {
        { "plan.pdf", "Empty", DocumentProblem.Empty },
        { "plan.pdf", "TwentyOneMegabytes", DocumentProblem.TooLarge },
        { "plan.pdf", nameof(SampleDocuments.Png), DocumentProblem.NotAllowedType },
        { "statement.docx", nameof(SampleDocuments.Odt), DocumentProblem.ExtensionMismatch },
        { "report.odt", nameof(SampleDocuments.Pdf), DocumentProblem.ExtensionMismatch },
        { "report.odt", nameof(SampleDocuments.OdtWithoutMimetypeFirst), DocumentProblem.NotAllowedType },
        { "budget.docx", nameof(SampleDocuments.Xlsx), DocumentProblem.NotAllowedType },
        { "macros.docx", nameof(SampleDocuments.Docm), DocumentProblem.NotAllowedType },
        { "sheet.odt", nameof(SampleDocuments.Ods), DocumentProblem.NotAllowedType },
        { "archive.docx", nameof(SampleDocuments.PlainZip), DocumentProblem.NotAllowedType },
        { "truncated.docx", "TruncatedZip", DocumentProblem.NotAllowedType },
        { "plan.txt", nameof(SampleDocuments.Pdf), DocumentProblem.NotAllowedType },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Check_AllowedFileNamedForWhatItIs_IsAcceptedAsItsFormat(string fileName, string sample, DocumentFormat expected)
    {
        // Arrange
        using var content = new MemoryStream(Sample(sample));

        // Act
        var check = DocumentContentCheck.Check(fileName, content);

        // Assert
        Assert.Equal(new DocumentCheck(expected, null), check);
        Assert.Equal(0, content.Position);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Check_BadFile_IsRefusedWithItsProblem(string fileName, string sample, DocumentProblem expected)
    {
        // Arrange
        using var content = new MemoryStream(Sample(sample));

        // Act
        var check = DocumentContentCheck.Check(fileName, content);

        // Assert
        Assert.Equal(new DocumentCheck(null, expected), check);
    }

    [Fact]
    public void Check_ExactlyTwentyMegabytes_IsAccepted()
    {
        // Arrange
        using var content = new MemoryStream(SampleDocuments.Pdf(padToBytes: (int)Document.MaxSizeBytes));

        // Act
        var check = DocumentContentCheck.Check("plan.pdf", content);

        // Assert
        Assert.Equal(DocumentFormat.Pdf, check.Format);
    }

    [Fact]
    public void FormatOf_OdtSample_StoresItsMimetypeFirstAndUncompressed()
    {
        // Arrange: the sample the other tests rely on is a real ODF package
        var bytes = SampleDocuments.Odt();

        // Act
        var name = System.Text.Encoding.ASCII.GetString(bytes, 30, 8);
        var method = BitConverter.ToUInt16(bytes, 8);

        // Assert
        Assert.Equal(("mimetype", (ushort)0), (name, method));
    }

    private static byte[] Sample(string name) => name switch
    {
        "Empty" => [],
        "TwentyOneMegabytes" => SampleDocuments.Pdf(padToBytes: 21 * 1024 * 1024),
        "TruncatedZip" => SampleDocuments.Docx()[..40],
        nameof(SampleDocuments.Pdf) => SampleDocuments.Pdf(),
        nameof(SampleDocuments.Docx) => SampleDocuments.Docx(),
        nameof(SampleDocuments.Odt) => SampleDocuments.Odt(),
        nameof(SampleDocuments.OdtWithoutMimetypeFirst) => SampleDocuments.OdtWithoutMimetypeFirst(),
        nameof(SampleDocuments.Ods) => SampleDocuments.Ods(),
        nameof(SampleDocuments.Xlsx) => SampleDocuments.Xlsx(),
        nameof(SampleDocuments.Docm) => SampleDocuments.Docm(),
        nameof(SampleDocuments.PlainZip) => SampleDocuments.PlainZip(),
        nameof(SampleDocuments.Png) => SampleDocuments.Png(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
