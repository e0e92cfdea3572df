using CjpPortal.Core.Domain;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CjpPortal.Web.Infrastructure.Documents;

/// <summary>On a page model whose form takes a document: the request body may be up to
/// <see cref="MaxRequestBytes"/>, a few megabytes over <see cref="Document.MaxSizeBytes"/>, so a file a little too
/// big (21 MB) is still read and refused with the form's own message ("must be smaller than 20 MB", HTTP 400), and only
/// a far bigger one is cut off by the server (413). It does what <c>[RequestSizeLimit]</c> and
/// <c>[RequestFormLimits(MultipartBodyLengthLimit = ...)]</c> together do, before antiforgery reads the form.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class DocumentUploadLimitsAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    /// <summary>The largest file, the form's other fields and the multipart framing.</summary>
    public const long MaxRequestBytes = Document.MaxSizeBytes + (4L * 1024 * 1024);

    /// <summary>Before the antiforgery check (order 1000), which is the first to read the form.</summary>
    public int Order => 900;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = MaxRequestBytes;
        }

        if (http.Features.Get<IFormFeature>() is not { Form: not null })
        {
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = MaxRequestBytes }));
        }
    }
}
