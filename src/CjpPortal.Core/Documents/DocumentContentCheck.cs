using System.IO.Compression;
using System.Text;
using CjpPortal.Core.Domain;

namespace CjpPortal.Core.Documents;

/// <summary>Why an uploaded file was refused.</summary>
public enum DocumentProblem
{
    /// <summary>No bytes at all.</summary>
    Empty,

    /// <summary>Over <see cref="Document.MaxSizeBytes"/>.</summary>
    TooLarge,

    /// <summary>Not a PDF, DOCX or ODT by its content (a picture, a spreadsheet, a plain zip, a macro-enabled document).</summary>
    NotAllowedType,

    /// <summary>One of the three, but the name says it is another (an ODT called .docx).</summary>
    ExtensionMismatch,
}

/// <summary>What a file's bytes say it is: its format, or why it is refused.</summary>
public readonly record struct DocumentCheck(DocumentFormat? Format, DocumentProblem? Problem)
{
    public bool IsAccepted => Format is not null;

    public static DocumentCheck Accepted(DocumentFormat format) => new(format, null);

    public static DocumentCheck Refused(DocumentProblem problem) => new(null, problem);
}

/// <summary>Tells a document's format from its bytes, never from the name or the Content-Type the browser sent: a PDF
/// starts with <c>%PDF-</c>; DOCX and ODT are zip files, a DOCX with <c>[Content_Types].xml</c> declaring a Word
/// document's main part and a <c>word/</c> part, an ODT with an uncompressed <c>mimetype</c> entry first holding the
/// ODF text type (ODF 1.2 §3.3). Anything else is refused, including other Office and ODF files (spreadsheets,
/// macro-enabled documents, templates) and plain zips. Only the small parts named are decompressed, and those with a
/// bound, so a zip bomb costs nothing.</summary>
public static class DocumentContentCheck
{
    public const string OdtMimeType = "application/vnd.oasis.opendocument.text";

    /// <summary>The content type [Content_Types].xml gives a DOCX's main part (a .docm or .dotx has another).</summary>
    public const string DocxMainPartType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] ZipMagic = [(byte)'P', (byte)'K', 3, 4];
    private static readonly byte[] OdtMimeTypeBytes = Encoding.ASCII.GetBytes(OdtMimeType);

    /// <summary>The most of [Content_Types].xml read (real ones are a few kilobytes).</summary>
    private const int ContentTypesMaxBytes = 256 * 1024;

    /// <summary>The file's extension for <paramref name="format"/>, with its dot.</summary>
    public static string Extension(DocumentFormat format) => format switch
    {
        DocumentFormat.Pdf => ".pdf",
        DocumentFormat.Docx => ".docx",
        DocumentFormat.Odt => ".odt",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>The format a file name's extension claims (case-insensitive), or null when it names none of the three.</summary>
    public static DocumentFormat? FormatOfName(string? fileName) =>
        Path.GetExtension(fileName ?? string.Empty).ToUpperInvariant() switch
        {
            ".PDF" => DocumentFormat.Pdf,
            ".DOCX" => DocumentFormat.Docx,
            ".ODT" => DocumentFormat.Odt,
            _ => null,
        };

    /// <summary>Checks <paramref name="content"/> (a seekable stream, read from its start and left at its start) sent
    /// under <paramref name="fileName"/>. A name with no extension is judged by its content alone; a name ending in
    /// anything but .pdf, .docx or .odt is refused as not allowed.</summary>
    public static DocumentCheck Check(string? fileName, Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanSeek)
        {
            throw new ArgumentException("The content must be seekable.", nameof(content));
        }

        if (content.Length == 0)
        {
            return DocumentCheck.Refused(DocumentProblem.Empty);
        }

        if (content.Length > Document.MaxSizeBytes)
        {
            return DocumentCheck.Refused(DocumentProblem.TooLarge);
        }

        var format = FormatOf(content);
        if (format is null)
        {
            return DocumentCheck.Refused(DocumentProblem.NotAllowedType);
        }

        var extension = Path.GetExtension(fileName ?? string.Empty);
        if (extension.Length > 0)
        {
            var named = FormatOfName(fileName);
            if (named is null)
            {
                return DocumentCheck.Refused(DocumentProblem.NotAllowedType);
            }

            if (named != format)
            {
                return DocumentCheck.Refused(DocumentProblem.ExtensionMismatch);
            }
        }

        return DocumentCheck.Accepted(format.Value);
    }

    /// <summary>The format of <paramref name="content"/> (seekable; left at its start), or null when it is none of the three.</summary>
    public static DocumentFormat? FormatOf(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            var head = new byte[ZipMagic.Length + 26 + 8 + OdtMimeTypeBytes.Length];
            content.Position = 0;
            var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            var start = head.AsSpan(0, read);
            if (start.StartsWith(PdfMagic))
            {
                return DocumentFormat.Pdf;
            }

            if (!start.StartsWith(ZipMagic))
            {
                return null;
            }

            var firstIsOdtMimeType = IsOdtMimeTypeEntry(start);
            content.Position = 0;
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var entries = zip.Entries;
            if (firstIsOdtMimeType)
            {
                // The central directory must agree that the first entry is the mimetype.
                return entries.Count > 0 && entries[0].FullName == "mimetype" ? DocumentFormat.Odt : null;
            }

            var contentTypes = zip.GetEntry("[Content_Types].xml");
            var hasWordPart = entries.Any(e => e.FullName.StartsWith("word/", StringComparison.Ordinal));
            return contentTypes is not null && hasWordPart && DeclaresDocxMainPart(contentTypes) ? DocumentFormat.Docx : null;
        }
        catch (InvalidDataException)
        {
            // Not a readable zip (a truncated or corrupt file that starts like one).
            return null;
        }
        finally
        {
            content.Position = 0;
        }
    }

    /// <summary>The zip's first local file header is an entry called "mimetype", stored (compression method 0), whose
    /// bytes are exactly the ODF text type. Local header layout: signature (4), version (2), flags (2), method (2),
    /// time (2), date (2), CRC (4), compressed size (4), size (4), name length (2), extra length (2), name, extra, data.</summary>
    private static bool IsOdtMimeTypeEntry(ReadOnlySpan<byte> start)
    {
        const int HeaderLength = 30;
        if (start.Length < HeaderLength)
        {
            return false;
        }

        var method = ReadUInt16(start, 8);
        var compressedSize = ReadUInt32(start, 18);
        var size = ReadUInt32(start, 22);
        var nameLength = ReadUInt16(start, 26);
        var extraLength = ReadUInt16(start, 28);
        var name = "mimetype"u8;
        if (method != 0 || nameLength != name.Length || size != OdtMimeTypeBytes.Length || compressedSize != size
            || start.Length < HeaderLength + nameLength || !start.Slice(HeaderLength, nameLength).SequenceEqual(name))
        {
            return false;
        }

        // An extra field (rare here) would push the data past what was read: judge what was read only when there is none.
        var dataStart = HeaderLength + nameLength + extraLength;
        return extraLength == 0 && start.Length >= dataStart + OdtMimeTypeBytes.Length
            && start.Slice(dataStart, OdtMimeTypeBytes.Length).SequenceEqual(OdtMimeTypeBytes);
    }

    private static bool DeclaresDocxMainPart(ZipArchiveEntry contentTypes)
    {
        if (contentTypes.Length > ContentTypesMaxBytes)
        {
            return false;
        }

        using var stream = contentTypes.Open();
        var buffer = new byte[(int)contentTypes.Length];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var xml = Encoding.UTF8.GetString(buffer, 0, read);
        return xml.Contains($"\"{DocxMainPartType}\"", StringComparison.OrdinalIgnoreCase)
            || xml.Contains($"'{DocxMainPartType}'", StringComparison.OrdinalIgnoreCase);
    }

    private static ushort ReadUInt16(ReadOnlySpan<byte> bytes, int offset) =>
        System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(bytes[offset..]);

    private static uint ReadUInt32(ReadOnlySpan<byte> bytes, int offset) =>
        System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes[offset..]);
}
