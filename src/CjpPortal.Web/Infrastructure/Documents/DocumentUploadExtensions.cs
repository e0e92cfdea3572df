using CjpPortal.Core.Documents;
using CjpPortal.Core.Domain;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CjpPortal.Web.Infrastructure.Documents;

/// <summary>A page's side of an upload: give the chosen file to <see cref="DocumentStore"/> and put its refusal on the
/// form field, in GOV.UK's words.</summary>
public static class DocumentUploadExtensions
{
    /// <summary>Adds <paramref name="file"/> as a document of partnership <paramref name="partnershipId"/> to the
    /// context, unsaved: the page's own save (of the record that refers to it) stores it, so check
    /// <c>ModelState.IsValid</c> before saving anything. Returns null when no file was chosen (an empty file input
    /// sends a part with no name and no bytes) or when the file was refused, with the message added under
    /// <paramref name="fieldName"/> (the input's name, e.g. "Input.PlanFile", which the error summary links to).</summary>
    public static async Task<Document?> TryAddUploadAsync(this DocumentStore store, IFormFile? file, ModelStateDictionary modelState,
        string fieldName, int partnershipId, Guid? user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(modelState);
        if (file is null || (file.Length == 0 && string.IsNullOrEmpty(file.FileName)))
        {
            return null;
        }

        await using var content = file.OpenReadStream();
        var result = await store.AddAsync(partnershipId, file.FileName, content, user, ct);
        if (!result.Succeeded)
        {
            modelState.AddModelError(fieldName, result.Message!);
            return null;
        }

        return result.Document;
    }

    public const string UploadOrLinkMessage = "Upload a file or give a link to one, not both";

    /// <summary>A record's file given either as an upload or as a link to one published elsewhere (a plan, a
    /// statement, a report): refuses both at once on <paramref name="fieldName"/>, otherwise as
    /// <see cref="TryAddUploadAsync"/>. The caller then stores the new document (replacing the link) or, when only a
    /// link is given, clears the document; a replaced document stays stored, for history.</summary>
    public static async Task<Document?> TryAddUploadOrLinkAsync(this DocumentStore store, IFormFile? file, string? link,
        ModelStateDictionary modelState, string fieldName, int partnershipId, Guid? user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (file is { Length: > 0 } && !string.IsNullOrWhiteSpace(link))
        {
            modelState.AddModelError(fieldName, UploadOrLinkMessage);
            return null;
        }

        return await store.TryAddUploadAsync(file, modelState, fieldName, partnershipId, user, ct);
    }
}
