using CjpPortal.Core.Rules;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Queries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CjpPortal.Web.Pages.ParticipationStatements;

/// <summary>/participation-statements: which partnerships have published a participation statement for their current
/// plan, for anyone to see.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicCache.PolicyName)]
public class IndexModel(DirectoryQueries queries) : PageModel
{
    public IReadOnlyList<StatementRow> Rows { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public int Count(StatementStatus status) => Rows.Count(r => r.Status == status);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = queries.Today;
        Rows = StatementRow.From(await queries.AllAsync(cancellationToken), Today);
    }
}
