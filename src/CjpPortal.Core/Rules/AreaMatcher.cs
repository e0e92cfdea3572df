namespace CjpPortal.Core.Rules;

/// <summary>A name a person might type for a partnership: a council area, an alias, the partnership's own name or a
/// place in one of its areas. <paramref name="Place"/> says where a place is ("Tarbert, Argyll and Bute"), for
/// results that would otherwise not show why they matched.</summary>
public sealed record AreaName(string Text, string PartnershipSlug, string? Place = null);

/// <summary>Finds partnerships from what someone typed, tolerant of case, punctuation, "&amp;" and common
/// words such as "council" or "city of".</summary>
public sealed class AreaMatcher
{
    private static readonly string[] NoiseWords = ["the", "and", "city", "of", "council", "community", "justice", "partnership", "cjp", "area", "comhairle", "nan"];

    /// <summary>The fewest letters that find a place from part of its name.</summary>
    public const int MinPlacePrefix = 5;

    private readonly IReadOnlyList<(string Key, string Core, AreaName Name)> names;

    public AreaMatcher(IEnumerable<AreaName> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        this.names = names
            .Select(n => (Normalise(n.Text), CoreWords(n.Text), n))
            .ToList();
    }

    /// <summary>Partnership slugs matching <paramref name="query"/>, best first (see <see cref="MatchNames"/>).</summary>
    public IReadOnlyList<string> Match(string? query) => [.. MatchNames(query).Select(n => n.PartnershipSlug)];

    /// <summary>The first name matched for each partnership, best first: exact names (and the "-shire" of an exact
    /// name: "Aberdeen" is the city, and people in Aberdeenshire say it too), then names without noise words, then
    /// names starting with or containing the query. Every place of a matched name is kept ("Tarbert" is in two
    /// areas).</summary>
    public IReadOnlyList<AreaName> MatchNames(string? query)
    {
        var key = Normalise(query ?? string.Empty);
        if (key.Length == 0)
        {
            return [];
        }

        var core = CoreWords(query!);
        var exact = names.Where(n => n.Key == key || (core.Length > 0 && n.Core == core)).ToList();
        if (exact.Count > 0)
        {
            return Distinct(exact.Concat(names.Where(n => core.Length > 0 && n.Core == core + "shire")));
        }

        // A query of only common words ("and", "council") or of one or two letters would match almost anything.
        var needle = core;
        if (needle.Length < 3)
        {
            return [];
        }

        // Places (there are hundreds, many of them short) only from the start of a word and from five letters:
        // "Motherwel" finds Motherwell, but "House" is not Stonehouse and "Bath" is not Bathgate.
        return Distinct(names
            .Where(n => n.Name.Place is null
                ? n.Core.Contains(needle, StringComparison.Ordinal) || n.Key.Contains(needle, StringComparison.Ordinal)
                : needle.Length >= MinPlacePrefix
                    && (n.Key.StartsWith(needle, StringComparison.Ordinal) || n.Key.Contains(" " + needle, StringComparison.Ordinal)))
            .OrderBy(n => n.Core.StartsWith(needle, StringComparison.Ordinal) ? 0 : 1));
    }

    /// <summary>The words of <paramref name="text"/> without the common ones ("council", "community justice"), as
    /// matching compares them.</summary>
    public static string CoreOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return CoreWords(text);
    }

    private static List<AreaName> Distinct(IEnumerable<(string Key, string Core, AreaName Name)> matches) =>
        matches.Select(m => m.Name).DistinctBy(n => n.PartnershipSlug, StringComparer.Ordinal).ToList();

    /// <summary>Lower-case words separated by single spaces; "&amp;" becomes "and"; hyphens and apostrophes are spaces.</summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Join(' ', Words(text));
    }

    private static string CoreWords(string text) =>
        string.Join(' ', Words(text).Where(w => !NoiseWords.Contains(w, StringComparer.Ordinal)));

    private static string[] Words(string text)
    {
        var plain = Slug.RemoveDiacritics(text).ToLowerInvariant().Replace("&", " and ", StringComparison.Ordinal);
        var chars = plain.Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray();
        return new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
