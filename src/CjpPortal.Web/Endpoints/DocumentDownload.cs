using CjpPortal.Core;
using CjpPortal.Core.Documents;
using CjpPortal.Core.Domain;
using CjpPortal.Core.Rules;
using CjpPortal.Web.Infrastructure.Documents;
using Microsoft.Net.Http.Headers;

namespace CjpPortal.Web.Endpoints;

/// <summary><c>/documents/{id}/{file-name}</c>: an uploaded plan, statement or report. A published one is public and
/// may be cached; any other (a draft's, or one replaced since) is for the partnership's coordinators and national
/// staff only, and to anyone else there is no such document (404, not 403, so a draft's existence is not given away).
/// The bytes are served as what their content was checked to be, never sniffed (nosniff), under a policy that lets
/// the file load nothing, and streamed from the database.</summary>
public static class DocumentDownload
{
    public const string Route = "/documents/{id:int}/{fileName}";

    /// <summary>Nothing may load or run from a document, and no page may frame it.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox";

    /// <summary>The same for a PDF, which opens in the browser, without <c>sandbox</c>: Chrome's and Safari's built-in
    /// viewers refuse to show a PDF served in a sandbox ("This page has been blocked by Chrome", Chromium issue
    /// 413851), and they run a PDF's scripts in the viewer, not in the portal's origin. What makes a PDF safe here is
    /// that its bytes were checked to be one and are served as one, never sniffed.</summary>
    public const string PdfContentSecurityPolicy = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>How long browsers and proxies may keep a published document: its bytes never change under one id, but
    /// it stops being public if its record is unpublished, so not for long.</summary>
    public const string PublicCacheControl = "public, max-age=600";
    public const string PrivateCacheControl = "private, no-store";

    public static void Map(WebApplication app) =>
        app.MapMethods(Route, [HttpMethods.Get, HttpMethods.Head], DownloadAsync)
            .AllowAnonymous()
            .WithName(DocumentLinks.DownloadEndpoint);

    public static string ContentType(DocumentFormat format) => format switch
    {
        DocumentFormat.Pdf => "application/pdf",
        DocumentFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        DocumentFormat.Odt => DocumentContentCheck.OdtMimeType,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>A PDF opens in the browser; a word-processor file is saved, under its sanitised name (plain ASCII for
    /// old clients, and RFC 5987 <c>filename*</c> with the accents).</summary>
    public static string ContentDisposition(DocumentFormat format, string fileName)
    {
        var disposition = new ContentDispositionHeaderValue(format == DocumentFormat.Pdf ? "inline" : "attachment");
        disposition.FileName = DocumentFileName.Ascii(fileName);
        disposition.FileNameStar = fileName;
        return disposition.ToString();
    }

    public static string ETag(string sha256) => $"\"{sha256}\"";

    private static async Task DownloadAsync(HttpContext context, int id, string fileName, AppDbContext db, TimeProvider clock,
        DocumentViewers viewers, DocumentLinks links)
    {
        var ct = context.RequestAborted;
        var document = await DocumentVisibility.FindAsync(db, id, ct);
        var isPublic = document is not null && DocumentVisibility.IsPublic(document, ScottishTime.Today(clock));
        if (document is null
            || (!isPublic && !DocumentVisibility.IsPartnershipStaff(document.PartnershipId, await viewers.ForAsync(context.User, document.PartnershipId, ct))))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        // Only now, for someone who may see it, is the right name given away.
        if (!string.Equals(fileName, document.FileName, StringComparison.Ordinal))
        {
            context.Response.Redirect(links.Download(document.Id, document.FileName), permanent: true);
            return;
        }

        var response = context.Response;
        var headers = response.Headers;
        var etag = ETag(document.Sha256);
        headers.ETag = etag;
        headers.CacheControl = isPublic ? PublicCacheControl : PrivateCacheControl;
        headers.XContentTypeOptions = "nosniff";
        // The security-headers middleware keeps a policy already set (see SecurityHeaders).
        headers.ContentSecurityPolicy = document.Format == DocumentFormat.Pdf ? PdfContentSecurityPolicy : ContentSecurityPolicy;
        if (context.Request.Headers.IfNoneMatch.Any(value => value is not null && value.Split(',').Any(tag => tag.Trim() is var t && (t == etag || t == "*"))))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.ContentType = ContentType(document.Format);
        headers.ContentDisposition = ContentDisposition(document.Format, document.FileName);
        response.ContentLength = document.SizeBytes;
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        var found = await DocumentContents.CopyToAsync(db, document.Id, () => response.Body, ct);
        if (!found)
        {
            // The document row without its bytes cannot be saved (one insert), but say so rather than send nothing.
            response.StatusCode = StatusCodes.Status404NotFound;
            response.ContentLength = null;
        }
    }
}
