using System.Globalization;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Infrastructure.Map;
using CjpPortal.Web.Queries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CjpPortal.Web.Pages.Find;

/// <summary>Finds a partnership from what someone typed (a council area, partnership, town, village or island, or a
/// misspelling of one), or from their position (<c>lat</c> and <c>lon</c>, sent by "Use my location" in
/// wwwroot/js/find-location.js, matched here against the shipped boundaries and sent nowhere else).</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicCache.PolicyName)]
public class IndexModel(AreaIndex index, SpellingSuggestions spelling, AreaLocator locator) : PageModel
{
    public const int MaxQueryLength = 100;

    public const string Hint = "A council area, partnership, town or village, or island. For example, Falkirk, Paisley or Skye";

    public const string UnreadablePosition = "Your location could not be read. Type the name of a place instead";

    public const string NotInScotland = "Your location is not in a Scottish council area. Type the name of a place instead.";

    [FromQuery(Name = "q")]
    public string? Query { get; set; }

    [FromQuery(Name = "lat")]
    public string? Latitude { get; set; }

    [FromQuery(Name = "lon")]
    public string? Longitude { get; set; }

    public IReadOnlyList<AreaMatch> Matches { get; private set; } = [];

    /// <summary>Names close to what was typed, when nothing matched it as typed.</summary>
    public IReadOnlyList<(SpellingSuggestion Suggestion, PartnershipListItem Partnership)> Suggestions { get; private set; } = [];

    /// <summary>True when a position was given and is in no council area.</summary>
    public bool OutsideScotland { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // Model binding turns an empty value into null; the query is checked here so the message is ours.
        ModelState.Clear();
        if (Latitude is not null || Longitude is not null)
        {
            return await LocateAsync(cancellationToken);
        }

        var error = Validate(Query);
        if (error is not null)
        {
            return Invalid(error);
        }

        var query = Query!.Trim();
        Matches = await index.FindAsync(query, cancellationToken);
        if (Matches.Count == 1)
        {
            return Redirect($"/partnerships/{Matches[0].Partnership.Slug}");
        }

        if (Matches.Count == 0)
        {
            var partnerships = await index.PartnershipsAsync(cancellationToken);
            Suggestions = [.. (await spelling.SuggestAsync(query, cancellationToken))
                .Where(s => partnerships.ContainsKey(s.PartnershipSlug))
                .Select(s => (s, partnerships[s.PartnershipSlug]))];
        }

        return Page();
    }

    private async Task<IActionResult> LocateAsync(CancellationToken cancellationToken)
    {
        if (!TryParse(Latitude, 90, out var latitude) || !TryParse(Longitude, 180, out var longitude))
        {
            return Invalid(UnreadablePosition);
        }

        if (locator.Locate(latitude, longitude) is { } area && await index.ForAreaAsync(area.GssCode, cancellationToken) is { } partnership)
        {
            return Redirect($"/partnerships/{partnership.Slug}");
        }

        OutsideScotland = true;
        return Page();
    }

    private PageResult Invalid(string error)
    {
        ModelState.AddModelError("q", error);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private static bool TryParse(string? value, double limit, out double result) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out result)
        && double.IsFinite(result)
        && Math.Abs(result) <= limit;

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
