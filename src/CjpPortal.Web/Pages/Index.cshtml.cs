using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Queries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CjpPortal.Web.Pages;

[AllowAnonymous]
[OutputCache(PolicyName = PublicCache.PolicyName)]
public class IndexModel(DirectoryQueries queries) : PageModel
{
    public IReadOnlyList<AreaListItem> Areas { get; private set; } = [];

    public IReadOnlyList<OpenConsultation> OpenConsultations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = queries.Today;
        var partnerships = await queries.AllAsync(cancellationToken);
        Areas = [.. partnerships.SelectMany(p => p.Areas).Select(a => new AreaListItem(a.GssCode, a.Name)).OrderBy(a => a.Name, StringComparer.Ordinal)];
        OpenConsultations = [.. partnerships
            .SelectMany(p => p.PlansInConsultation(today).Select(plan => new OpenConsultation(p.Name, p.Slug, plan)))
            .OrderBy(c => c.Plan.ConsultationClosesOn)];
    }

    public sealed record OpenConsultation(string Partnership, string Slug, PlanSnapshot Plan);
}
