namespace CjpPortal.Web.Queries;

/// <summary>One column of /compare: a partnership's directory row and which of the chosen council areas it covers
/// (Ayrshire's three areas chosen together make one column, not three copies of it).</summary>
public sealed record CompareColumn(DirectoryRow Row, IReadOnlyList<AreaListItem> ChosenAreas);

/// <summary>What /compare shows for its <c>areas</c> query: council areas by GSS code, comma-separated
/// (<c>?areas=S12000005,S12000014</c>, the address to share) or repeated (what its checkbox form sends, redirected to the
/// comma-separated form).</summary>
public sealed class CompareView
{
    public const int MinimumAreas = 2;

    public const string TooFewMessage = "Choose at least 2 council areas to compare";

    private CompareView(IReadOnlyList<AreaListItem> allAreas, IReadOnlyList<string> chosen, IReadOnlyList<CompareColumn> columns, string? error)
    {
        AllAreas = allAreas;
        Chosen = chosen;
        Columns = columns;
        Error = error;
    }

    /// <summary>Every council area, by name, for the checkboxes.</summary>
    public IReadOnlyList<AreaListItem> AllAreas { get; }

    /// <summary>The chosen areas' codes that exist, in the order given, each once.</summary>
    public IReadOnlyList<string> Chosen { get; }

    /// <summary>Empty unless at least <see cref="MinimumAreas"/> known areas were chosen and none was unknown.</summary>
    public IReadOnlyList<CompareColumn> Columns { get; }

    /// <summary>Why the choice cannot be compared, for the error summary; null when it can (or nothing was chosen yet).</summary>
    public string? Error { get; }

    public bool HasChoice => Columns.Count > 0;

    /// <summary>The canonical <c>areas</c> value: the known codes chosen, comma-separated.</summary>
    public string AreasValue => string.Join(",", Chosen);

    public static IEnumerable<string> Split(IEnumerable<string?> values) =>
        values.SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    public static CompareView Build(IReadOnlyList<PartnershipSnapshot> partnerships, DateOnly today, IEnumerable<string?> areas)
    {
        ArgumentNullException.ThrowIfNull(partnerships);
        ArgumentNullException.ThrowIfNull(areas);
        var owner = new Dictionary<string, (PartnershipSnapshot Partnership, AreaListItem Area)>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in partnerships)
        {
            foreach (var a in p.Areas)
            {
                owner[a.GssCode] = (p, new AreaListItem(a.GssCode, a.Name));
            }
        }

        var allAreas = owner.Values.Select(v => v.Area).OrderBy(a => a.Name, StringComparer.InvariantCulture).ToList();
        var requested = Split(areas).ToList();
        var unknown = requested.FirstOrDefault(code => !owner.ContainsKey(code));
        var chosen = requested.Where(owner.ContainsKey).Select(code => owner[code].Area.GssCode).Distinct(StringComparer.Ordinal).ToList();
        string? error = null;
        if (unknown is not null)
        {
            error = $"There is no council area with the code {Shorten(unknown)}. Choose council areas from the list";
        }
        else if (requested.Count > 0 && chosen.Count < MinimumAreas)
        {
            error = TooFewMessage;
        }

        var columns = error is not null || chosen.Count == 0
            ? []
            : chosen.GroupBy(code => owner[code].Partnership.Id)
                .Select(g => new CompareColumn(DirectoryRow.From(owner[g.First()].Partnership, today), [.. g.Select(code => owner[code].Area)]))
                .ToList();
        return new CompareView(allAreas, chosen, columns, error);
    }

    /// <summary>A typed code is echoed in the message, but not at any length.</summary>
    private static string Shorten(string code) => code.Length <= 20 ? code : code[..20] + "…";
}
