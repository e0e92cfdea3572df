using System.Globalization;
using CjpPortal.Web.Infrastructure;

namespace CjpPortal.Web.Queries;

/// <summary>/directory/editions/{year}.csv: a frozen edition as open data, its first column saying what changed
/// since the edition before.</summary>
public static class EditionCsv
{
    public const string ChangeHeader = "Changes since the previous edition";

    public static void Map(WebApplication app) =>
        app.MapMethods("/directory/editions/{year:int}.csv", [HttpMethods.Get, HttpMethods.Head], WriteAsync).AllowAnonymous();

    private static async Task<IResult> WriteAsync(HttpContext context, DirectoryEditions editions, int year)
    {
        if (await editions.FindAsync(year, context.RequestAborted) is not { } edition)
        {
            return Results.NotFound();
        }

        await CsvDownload.WriteAsync(
            context,
            string.Create(CultureInfo.InvariantCulture, $"cjp-directory-edition-{year}.csv"),
            [ChangeHeader, .. edition.Columns],
            edition.Rows.Select(row => (string?[])[edition.ChangeText(row), .. row.Cells.Select(c => c.Value)]));
        return Results.Empty;
    }
}
