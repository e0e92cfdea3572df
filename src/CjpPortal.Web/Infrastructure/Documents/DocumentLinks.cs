namespace CjpPortal.Web.Infrastructure.Documents;

/// <summary>Links to documents: <c>/documents/{id}/{file-name}</c>, the address people may share for a published one.</summary>
public sealed class DocumentLinks(LinkGenerator generator) : PageLinks(generator)
{
    /// <summary>The download endpoint's name (<see cref="Endpoints.DocumentDownload"/>).</summary>
    public const string DownloadEndpoint = "DocumentDownload";

    public string Download(int id, string fileName) => Endpoint(DownloadEndpoint, new { id, fileName });
}
