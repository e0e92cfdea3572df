namespace CjpPortal.Core.Rules;

/// <summary>A name a person might type for a partnership: a council area, an alias or the partnership's own name.</summary>
public sealed record AreaName(string Text, string PartnershipSlug);

/// <summary>Finds partnerships from what someone typed, tolerant of case, punctuation, "&amp;" and common
/// words such as "council" or "city of".</summary>
public sealed class AreaMatcher
{
    private static readonly string[] NoiseWords = ["the", "and", "city", "of", "council", "community", "justice", "partnership", "cjp", "area", "comhairle", "nan"];

    private readonly IReadOnlyList<(string Key, string Core, string Slug)> names;

    public AreaMatcher(IEnumerable<AreaName> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        this.names = names
            .Select(n => (Normalise(n.Text), CoreWords(n.Text), n.PartnershipSlug))
            .ToList();
    }

    /// <summary>Partnership slugs matching <paramref name="query"/>, best first: exact names, then names
    /// without noise words, then names starting with or containing the query.</summary>
    public IReadOnlyList<string> Match(string? query)
    {
        var key = Normalise(query ?? string.Empty);
        if (key.Length == 0)
        {
            return [];
        }

        var core = CoreWords(query!);
        var exact = Distinct(names.Where(n => n.Key == key || (core.Length > 0 && n.Core == core)));
        if (exact.Count > 0)
        {
            return exact;
        }

        // A query of only common words ("and", "council") or of one or two letters would match almost anything.
        var needle = core;
        if (needle.Length < 3)
        {
            return [];
        }

        return Distinct(names
            .Where(n => n.Core.Contains(needle, StringComparison.Ordinal) || n.Key.Contains(needle, StringComparison.Ordinal))
            .OrderBy(n => n.Core.StartsWith(needle, StringComparison.Ordinal) ? 0 : 1));
    }

    private static List<string> Distinct(IEnumerable<(string Key, string Core, string Slug)> matches) =>
        matches.Select(m => m.Slug).Distinct(StringComparer.Ordinal).ToList();

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
