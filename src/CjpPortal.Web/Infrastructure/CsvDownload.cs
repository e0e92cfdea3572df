using System.Globalization;
using System.Text;
using CsvHelper;

namespace CjpPortal.Web.Infrastructure;

/// <summary>Writes a CSV download: UTF-8 with a byte-order mark (so spreadsheets read accents right), a header row,
/// and every cell passed through <see cref="CsvSafety.Neutralise"/>. Rows are written as they come, not buffered.</summary>
public static class CsvDownload
{
    public static async Task WriteAsync(HttpContext context, string fileName, IReadOnlyList<string> headers, IEnumerable<string?[]> rows)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = string.Create(CultureInfo.InvariantCulture, $"attachment; filename=\"{fileName}\"");

        await using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var header in headers)
        {
            csv.WriteField(header);
        }

        await csv.NextRecordAsync();
        foreach (var fields in rows)
        {
            foreach (var field in fields)
            {
                csv.WriteField(CsvSafety.Neutralise(field));
            }

            await csv.NextRecordAsync();
        }
    }

    /// <summary>A link as the open data gives it: absolute. Links typed in are already; an uploaded document's is the
    /// portal's own path (<c>/documents/{id}/{file-name}</c>), made absolute at <paramref name="baseUri"/>.</summary>
    public static string? Absolute(string? link, Uri baseUri) =>
        link is not null && link.StartsWith('/') ? new Uri(baseUri, link.TrimStart('/')).ToString() : link;
}
