using System.Globalization;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Queries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CjpPortal.Web.Pages.Compare;

/// <summary>/compare?areas=...: the directory entries of several council areas side by side, for someone whose
/// organisation works across them; printable, and as CSV with <c>&amp;format=csv</c>.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicCache.PolicyName)]
public class IndexModel(DirectoryQueries queries, PortalLinks links) : PageModel
{
    public const string CsvFormat = "csv";

    public CompareView View { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    private string? FormatError { get; set; }

    public string CsvUrl => $"/compare?areas={Uri.EscapeDataString(View.AreasValue)}&format={CsvFormat}";

    /// <summary>This comparison's address at the configured base, for the line printed copies carry.</summary>
    public string PrintedAddress => new Uri(links.BaseUri(Request), $"compare?areas={Uri.EscapeDataString(View.AreasValue)}").ToString();

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "format")] string? format, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var areas = Request.Query["areas"];
        Today = queries.Today;
        View = CompareView.Build(await queries.AllAsync(cancellationToken), Today, areas);

        // The checkbox form repeats "areas"; the address to bookmark and share has them comma-separated.
        if (areas.Count > 1 && View.Error is null)
        {
            var target = $"/compare?areas={Uri.EscapeDataString(View.AreasValue)}";
            return Redirect(string.IsNullOrEmpty(format) ? target : $"{target}&format={Uri.EscapeDataString(format)}");
        }

        if (!string.IsNullOrEmpty(format) && format != CsvFormat)
        {
            FormatError = "The format must be csv, or left out for this page";
        }

        if (View.Error is not null)
        {
            ModelState.AddModelError("areas", View.Error);
        }

        if (FormatError is not null)
        {
            ModelState.AddModelError(string.Empty, FormatError);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (format == CsvFormat)
        {
            if (!View.HasChoice)
            {
                ModelState.AddModelError("areas", CompareView.TooFewMessage + " before downloading the comparison");
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }

            var baseUri = links.BaseUri(Request);
            await CsvDownload.WriteAsync(HttpContext, string.Create(CultureInfo.InvariantCulture, $"cjp-comparison-{Today:yyyy-MM-dd}.csv"),
                DirectoryCsv.Headers, View.Columns.Select(c => DirectoryCsv.Fields(c.Row, baseUri)));
            return new EmptyResult();
        }

        return Page();
    }
}
