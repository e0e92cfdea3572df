using CjpPortal.Core;
using CjpPortal.Core.Domain;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Infrastructure.Documents;

/// <summary>What a form shows of the document a record has now: its name, size and a link to it.</summary>
public sealed record DocumentSummary(int Id, string FileName, DocumentFormat Format, long SizeBytes)
{
    public static DocumentSummary Of(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new DocumentSummary(document.Id, document.FileName, document.Format, document.SizeBytes);
    }

    /// <summary>Document <paramref name="id"/>'s summary (never its bytes), or null when there is no id or no document.</summary>
    public static async Task<DocumentSummary?> FindAsync(AppDbContext db, int? id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return id is not { } documentId
            ? null
            : await db.Documents.AsNoTracking().Where(d => d.Id == documentId)
                .Select(d => new DocumentSummary(d.Id, d.FileName, d.Format, d.SizeBytes))
                .SingleOrDefaultAsync(ct);
    }
}

/// <summary>The model of the <c>_DocumentField</c> partial: a file input named <paramref name="Name"/> (the bound
/// property's name, e.g. "Input.PlanFile"), its label and hint, the document the record has now, and the field's
/// error (from ModelState; null when valid).</summary>
public sealed record DocumentFieldModel(string Name, string Label, string? Hint, DocumentSummary? Current, string? Error)
{
    /// <summary>The model with the field's first error taken from <paramref name="modelState"/>.</summary>
    public static DocumentFieldModel For(ModelStateDictionary modelState, string name, string label, string? hint, DocumentSummary? current)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var error = modelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
        return new DocumentFieldModel(name, label, hint, current, error);
    }
}
