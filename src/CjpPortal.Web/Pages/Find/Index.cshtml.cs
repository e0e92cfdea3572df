using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Queries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CjpPortal.Web.Pages.Find;

[AllowAnonymous]
[OutputCache(PolicyName = PublicCache.PolicyName)]
public class IndexModel(AreaIndex index) : PageModel
{
    public const int MaxQueryLength = 100;

    [FromQuery(Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<PartnershipListItem> Matches { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // Model binding turns an empty value into null; the query is checked here so the message is ours.
        ModelState.Clear();
        var error = Validate(Query);
        if (error is not null)
        {
            ModelState.AddModelError("q", error);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Matches = await index.MatchAsync(Query!.Trim(), cancellationToken);
        return Matches.Count == 1 ? Redirect($"/partnerships/{Matches[0].Slug}") : Page();
    }

    public static string? Validate(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return "Enter a council area or partnership name";
        }

        if (query.Length > MaxQueryLength)
        {
            return $"Council area or partnership name must be {MaxQueryLength} characters or fewer";
        }

        return query.Any(char.IsControl)
            ? "Council area or partnership name must only include letters, numbers, spaces and punctuation"
            : null;
    }
}
