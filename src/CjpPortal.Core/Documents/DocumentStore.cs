using System.Security.Cryptography;
using CjpPortal.Core.Domain;

namespace CjpPortal.Core.Documents;

/// <summary>The outcome of <see cref="DocumentStore.AddAsync"/>: the document added to the context, or why the file was
/// refused and what to tell the person who chose it.</summary>
public sealed record DocumentUploadResult(Document? Document, DocumentProblem? Problem, string? Message)
{
    public bool Succeeded => Document is not null;

    public static DocumentUploadResult Added(Document document) => new(document, null, null);

    public static DocumentUploadResult Refused(DocumentProblem problem, string message) => new(null, problem, message);
}

/// <summary>Takes an uploaded file in: checks it by its content (<see cref="DocumentContentCheck"/>), names it
/// (<see cref="DocumentFileName"/>) and adds the <see cref="Document"/> and its bytes to the context, <b>without
/// saving</b>: the caller's own save (of the plan, statement or return that refers to it) writes it in the same
/// transaction, so a form refused for any other reason stores nothing, not even the file.</summary>
public sealed class DocumentStore(AppDbContext db, TimeProvider clock)
{
    public const string EmptyMessage = "The selected file is empty";
    public const string TooLargeMessage = "The selected file must be smaller than 20 MB";
    public const string NotAllowedTypeMessage = "The selected file must be a PDF, DOCX or ODT";

    /// <summary>GOV.UK's wording for a refused file (the design system's file upload pattern).</summary>
    public static string MessageFor(DocumentProblem problem, string? originalFileName = null, DocumentFormat? actual = null) => problem switch
    {
        DocumentProblem.Empty => EmptyMessage,
        DocumentProblem.TooLarge => TooLargeMessage,
        DocumentProblem.ExtensionMismatch when actual is { } format && DocumentContentCheck.FormatOfName(originalFileName) is { } named =>
            $"The selected file is {Labels.WithArticle(format)} but its name ends in {DocumentContentCheck.Extension(named)}",
        DocumentProblem.ExtensionMismatch => "The selected file's name must end in .pdf, .docx or .odt to match what it is",
        _ => NotAllowedTypeMessage,
    };

    public async Task<DocumentUploadResult> AddAsync(int partnershipId, string originalFileName, Stream content, Guid? uploadedById, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var bytes = await ReadAsync(content, ct);
        if (bytes is null)
        {
            return DocumentUploadResult.Refused(DocumentProblem.TooLarge, TooLargeMessage);
        }

        // Checked on a view of the one array that is stored, so a 20 MB file is held once.
        using var view = new MemoryStream(bytes, writable: false);
        var check = DocumentContentCheck.Check(originalFileName, view);
        if (check.Problem is { } problem)
        {
            var actual = problem == DocumentProblem.ExtensionMismatch ? DocumentContentCheck.FormatOf(view) : null;
            return DocumentUploadResult.Refused(problem, MessageFor(problem, originalFileName, actual));
        }

        var format = check.Format!.Value;
        var document = new Document
        {
            PartnershipId = partnershipId,
            FileName = DocumentFileName.Sanitise(originalFileName, format),
            Format = format,
            SizeBytes = bytes.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            UploadedAt = clock.GetUtcNow(),
            UploadedById = uploadedById,
        };
        document.Content = new DocumentContent { Document = document, Bytes = bytes };
        db.Documents.Add(document);
        return DocumentUploadResult.Added(document);
    }

    /// <summary>The stream's bytes in one array of exactly their size, or null when there are more than
    /// <see cref="Document.MaxSizeBytes"/> (read no further than one byte past the limit).</summary>
    private static async Task<byte[]?> ReadAsync(Stream content, CancellationToken ct)
    {
        if (content.CanSeek)
        {
            var remaining = content.Length - content.Position;
            if (remaining > Document.MaxSizeBytes)
            {
                return null;
            }

            var exact = new byte[remaining];
            await content.ReadExactlyAsync(exact, ct);
            return exact;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > Document.MaxSizeBytes)
            {
                return null;
            }

            await buffer.WriteAsync(chunk.AsMemory(0, read), ct);
        }

        return buffer.ToArray();
    }
}
