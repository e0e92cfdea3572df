using System.Data.Common;
using CjpPortal.Core;
using CjpPortal.Core.Rules;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Queries;

/// <summary>A name the search thinks was meant: the partnership, the name as it is spelt, and where a place is.</summary>
public sealed record SpellingSuggestion(string PartnershipSlug, string Name, string? Place);

/// <summary>"Did you mean …?" for a name nothing matched exactly: one query shortlists council areas, aliases,
/// partnership names and places by PostgreSQL trigram similarity (pg_trgm), then <see cref="Spelling"/> keeps those
/// that are a slip of the keyboard away.</summary>
public sealed class SpellingSuggestions(AppDbContext db)
{
    /// <summary>The trigram similarity a name needs to be shortlisted. Every misspelling in the tests scores at least
    /// 0.27 against the name meant ("Orkeny"); lower would only add work for the edit-distance rule.</summary>
    public const double ShortlistThreshold = 0.2;

    public const int MaxSuggestions = 5;

    private const int ShortlistSize = 30;

    // The union is small (about 500 names); a sequential scan with similarity() is quicker than any index here.
    private const string Sql = """
        SELECT n.name, n.slug, n.area, similarity(n.name, @q)::float8 AS score
        FROM (
            SELECT a.name COLLATE "default" AS name, p.slug, NULL::text AS area
            FROM council_areas a JOIN partnerships p ON p.id = a.partnership_id
            UNION ALL
            SELECT unnest(a.aliases) COLLATE "default", p.slug, NULL
            FROM council_areas a JOIN partnerships p ON p.id = a.partnership_id
            UNION ALL
            SELECT p.name COLLATE "default", p.slug, NULL
            FROM partnerships p
            UNION ALL
            SELECT pl.name COLLATE "default", p.slug, a.name COLLATE "default"
            FROM places pl JOIN council_areas a ON a.id = pl.council_area_id JOIN partnerships p ON p.id = a.partnership_id
        ) n
        WHERE similarity(n.name, @q) >= @threshold
        ORDER BY score DESC, n.name
        LIMIT @limit
        """;

    public async Task<IReadOnlyList<SpellingSuggestion>> SuggestAsync(string query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var typed = AreaMatcher.CoreOf(query);
        if (typed.Length == 0)
        {
            return [];
        }

        var candidates = new List<(SpellingSuggestion Suggestion, int Distance, double Score)>();
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Sql;
            Add(command, "q", typed);
            Add(command, "threshold", ShortlistThreshold);
            Add(command, "limit", ShortlistSize);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var name = reader.GetString(0);
                var distance = Spelling.Distance(query, name);
                if (distance is { } d && Spelling.IsLikelyMisspelling(query, name))
                {
                    var place = reader.IsDBNull(2) ? null : $"{name}, {reader.GetString(2)}";
                    candidates.Add((new SpellingSuggestion(reader.GetString(1), name, place), d, reader.GetDouble(3)));
                }
            }
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }

        return [.. candidates
            .OrderBy(c => c.Distance)
            .ThenByDescending(c => c.Score)
            .Select(c => c.Suggestion)
            .DistinctBy(s => s.PartnershipSlug, StringComparer.Ordinal)
            .Take(MaxSuggestions)];
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
