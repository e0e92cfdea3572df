using System.IO.Compression;
using System.Text;

namespace CjpPortal.TestCommon;

/// <summary>Tiny files made in code, good and bad, for upload tests: a PDF, a DOCX and an ODT as the portal accepts
/// them, and the look-alikes it must refuse.</summary>
public static class SampleDocuments
{
    public const string OdtMimeType = "application/vnd.oasis.opendocument.text";

    /// <summary>A one-page PDF; <paramref name="padToBytes"/> pads it with a comment to that size (for size limits).</summary>
    public static byte[] Pdf(string text = "Sample plan", int padToBytes = 0)
    {
        var body = $"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
            $"3 0 obj<</Type/Page/MediaBox[0 0 200 200]/Parent 2 0 R>>endobj\n% {text}\ntrailer<</Root 1 0 R>>\n%%EOF\n";
        var bytes = Encoding.ASCII.GetBytes(body);
        if (padToBytes <= bytes.Length)
        {
            return bytes;
        }

        var padded = new byte[padToBytes];
        bytes.CopyTo(padded, 0);
        padded.AsSpan(bytes.Length).Fill((byte)' ');
        padded[^1] = (byte)'\n';
        return padded;
    }

    public static byte[] Docx(string text = "Sample statement") => Zip(
        ("[Content_Types].xml", ContentTypes("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "/word/document.xml"), CompressionLevel.Optimal),
        ("_rels/.rels", Rels("word/document.xml"), CompressionLevel.Optimal),
        ("word/document.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>", CompressionLevel.Optimal));

    /// <summary>A macro-enabled Word document (.docm): a word/ part, but not a DOCX's main part type.</summary>
    public static byte[] Docm() => Zip(
        ("[Content_Types].xml", ContentTypes("application/vnd.ms-word.document.macroEnabled.main+xml", "/word/document.xml"), CompressionLevel.Optimal),
        ("_rels/.rels", Rels("word/document.xml"), CompressionLevel.Optimal),
        ("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>", CompressionLevel.Optimal));

    /// <summary>An Excel workbook (.xlsx): Office's zip, but a spreadsheet.</summary>
    public static byte[] Xlsx() => Zip(
        ("[Content_Types].xml", ContentTypes("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "/xl/workbook.xml"), CompressionLevel.Optimal),
        ("_rels/.rels", Rels("xl/workbook.xml"), CompressionLevel.Optimal),
        ("xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>", CompressionLevel.Optimal));

    public static byte[] Odt(string text = "Sample report") => OpenDocument(OdtMimeType, text, mimetypeFirst: true);

    /// <summary>An ODT whose mimetype entry is not the first (so not a valid ODF package).</summary>
    public static byte[] OdtWithoutMimetypeFirst() => OpenDocument(OdtMimeType, "Sample", mimetypeFirst: false);

    /// <summary>An OpenDocument spreadsheet (.ods).</summary>
    public static byte[] Ods() => OpenDocument("application/vnd.oasis.opendocument.spreadsheet", "Sample", mimetypeFirst: true);

    public static byte[] PlainZip() => Zip(("notes.txt", "Just a zip", CompressionLevel.Optimal));

    /// <summary>The first bytes of a PNG picture.</summary>
    public static byte[] Png() => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];

    private static byte[] OpenDocument(string mimeType, string text, bool mimetypeFirst)
    {
        var content = ("content.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text><text:p>{text}</text:p></office:text></office:body></office:document-content>", CompressionLevel.Optimal);
        var manifest = ("META-INF/manifest.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\"><manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"{mimeType}\"/><manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>", CompressionLevel.Optimal);
        var mimetype = ("mimetype", mimeType, CompressionLevel.NoCompression);
        return mimetypeFirst ? Zip(mimetype, content, manifest) : Zip(content, mimetype, manifest);
    }

    private static string ContentTypes(string mainType, string mainPart) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
        $"<Override PartName=\"{mainPart}\" ContentType=\"{mainType}\"/></Types>";

    private static string Rels(string target) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
        $"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"{target}\"/></Relationships>";

    private static byte[] Zip(params (string Name, string Text, CompressionLevel Level)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text, level) in entries)
            {
                var entry = zip.CreateEntry(name, level);
                using var stream = entry.Open();
                var bytes = Encoding.UTF8.GetBytes(text);
                stream.Write(bytes, 0, bytes.Length);
            }
        }

        return buffer.ToArray();
    }
}
