using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Queries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace CjpPortal.Web.Pages.Partnerships;

[AllowAnonymous]
[OutputCache(PolicyName = PublicCache.PolicyName)]
public class ShowModel(DirectoryQueries queries, IOptions<PortalOptions> options) : PageModel
{
    public PartnershipSnapshot Partnership { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public bool DemoMode => options.Value.DemoMode;

    public bool IsStale => Core.Rules.Staleness.IsStale(Partnership.LastConfirmedOn, Today);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!Core.Rules.Slug.IsValid(slug))
        {
            return NotFound();
        }

        var partnership = await queries.FindBySlugAsync(slug, cancellationToken);
        if (partnership is null)
        {
            return NotFound();
        }

        Partnership = partnership;
        Today = queries.Today;
        return Page();
    }

    /// <summary>Annual returns for years that have ended whose report is not yet published, newest first.</summary>
    public IEnumerable<AnnualReturnSnapshot> UnpublishedReturns =>
        Partnership.AnnualReturns.Where(r => r.Year.End < Today && r.PublishedReportLink is null).OrderByDescending(r => r.ReportingYearStart);
}
