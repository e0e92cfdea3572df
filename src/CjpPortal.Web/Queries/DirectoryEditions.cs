using System.Globalization;
using System.Text.Json;
using CjpPortal.Core;
using CjpPortal.Core.Audit;
using CjpPortal.Core.Configurations;
using CjpPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CjpPortal.Web.Queries;

public sealed record EditionSummary(int Year, DateTimeOffset PublishedAt, int RowCount);

public enum EditionRowChange
{
    /// <summary>The first edition: nothing to compare with.</summary>
    FirstEdition,
    Unchanged,
    New,
    Changed,
}

public sealed record EditionCell(string? Value, bool Changed);

public sealed record EditionRowView(string Slug, IReadOnlyList<EditionCell> Cells, EditionRowChange Change, IReadOnlyList<string> ChangedColumns);

/// <summary>An edition with what changed since the edition before it, per row and per cell.</summary>
public sealed record EditionView(
    int Year, DateTimeOffset PublishedAt, IReadOnlyList<string> Columns, int? PreviousYear, IReadOnlyList<EditionRowView> Rows, IReadOnlyList<string> Removed)
{
    /// <summary>The row's change in words, as the table's first column and the CSV say it.</summary>
    public string ChangeText(EditionRowView row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Change switch
        {
            EditionRowChange.New => string.Create(CultureInfo.InvariantCulture, $"New since {PreviousYear}"),
            EditionRowChange.Changed => string.Create(CultureInfo.InvariantCulture, $"Changed since {PreviousYear}: {string.Join(", ", row.ChangedColumns)}"),
            EditionRowChange.Unchanged => string.Create(CultureInfo.InvariantCulture, $"No change since {PreviousYear}"),
            _ => "First edition",
        };
    }
}

/// <summary>The yearly editions of the directory table: publishing one freezes the live directory's rows (the
/// columns and values of /directory.csv, from the same read model), and reading one compares it with the edition
/// before it.</summary>
public sealed class DirectoryEditions(AppDbContext db, DirectoryQueries queries, TimeProvider clock)
{
    /// <summary>Columns that change every year for every partnership that confirms, so marking them would mark every row.</summary>
    private static readonly HashSet<string> NotCompared = new(StringComparer.Ordinal) { "Last confirmed" };

    public static string AlreadyPublishedMessage(int year) =>
        string.Create(CultureInfo.InvariantCulture, $"The {year} edition of the directory table has already been published. There is one edition a year.");

    public Task<bool> ExistsAsync(int year, CancellationToken cancellationToken) => db.DirectoryEditions.AnyAsync(e => e.Year == year, cancellationToken);

    /// <summary>Freezes the directory as it is now as <paramref name="year"/>'s edition; false when that year's edition
    /// exists already (checked first, and by the unique index when two people publish at once).</summary>
    public async Task<bool> PublishAsync(int year, AuditActor actor, Uri baseUri, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await ExistsAsync(year, cancellationToken))
        {
            return false;
        }

        // From the database, not this instance's snapshot: the snapshot may lag another instance's last edit by up to
        // its lifetime, and an edition, once frozen, is never corrected.
        var view = DirectoryView.Build(await queries.LoadAllFromDatabaseAsync(cancellationToken), queries.Today, null, null, null);
        var edition = new DirectoryEdition
        {
            Year = year,
            PublishedAt = clock.GetUtcNow(),
            PublishedBy = actor.Email,
            Columns = JsonSerializer.Serialize(DirectoryCsv.Headers),
            Rows = [.. view.Rows.Select((row, i) => new DirectoryEditionRow
            {
                DisplayOrder = i,
                PartnershipSlug = row.Slug,
                Values = JsonSerializer.Serialize(DirectoryCsv.Fields(row, baseUri)),
            })],
        };
        db.DirectoryEditions.Add(edition);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { ConstraintName: ConstraintNames.DirectoryEditionYear })
        {
            db.ChangeTracker.Clear();
            return false;
        }

        return true;
    }

    public Task<List<EditionSummary>> ListAsync(CancellationToken cancellationToken) =>
        db.DirectoryEditions.AsNoTracking().OrderByDescending(e => e.Year)
            .Select(e => new EditionSummary(e.Year, e.PublishedAt, e.Rows.Count)).ToListAsync(cancellationToken);

    public async Task<EditionView?> FindAsync(int year, CancellationToken cancellationToken)
    {
        var current = await LoadAsync(db.DirectoryEditions.Where(e => e.Year == year), cancellationToken);
        if (current is null)
        {
            return null;
        }

        var previous = await LoadAsync(db.DirectoryEditions.Where(e => e.Year < year).OrderByDescending(e => e.Year), cancellationToken);
        return Compare(current, previous);
    }

    private sealed record Frozen(int Year, DateTimeOffset PublishedAt, string[] Columns, List<(string Slug, string?[] Values)> Rows);

    private static async Task<Frozen?> LoadAsync(IQueryable<DirectoryEdition> editions, CancellationToken cancellationToken)
    {
        var edition = await editions.AsNoTracking()
            .Select(e => new { e.Year, e.PublishedAt, e.Columns, Rows = e.Rows.OrderBy(r => r.DisplayOrder).Select(r => new { r.PartnershipSlug, r.Values }).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        return edition is null
            ? null
            : new Frozen(
                edition.Year,
                edition.PublishedAt,
                JsonSerializer.Deserialize<string[]>(edition.Columns) ?? [],
                [.. edition.Rows.Select(r => (r.PartnershipSlug, JsonSerializer.Deserialize<string?[]>(r.Values) ?? []))]);
    }

    private static EditionView Compare(Frozen current, Frozen? previous)
    {
        var before = previous?.Rows.ToDictionary(r => r.Slug, r => r.Values, StringComparer.Ordinal);
        var rows = current.Rows.Select(row =>
        {
            if (before is null)
            {
                return new EditionRowView(row.Slug, [.. row.Values.Select(v => new EditionCell(v, false))], EditionRowChange.FirstEdition, []);
            }

            if (!before.TryGetValue(row.Slug, out var old))
            {
                return new EditionRowView(row.Slug, [.. row.Values.Select(v => new EditionCell(v, false))], EditionRowChange.New, []);
            }

            var cells = row.Values.Select((value, i) =>
            {
                var column = i < current.Columns.Length ? current.Columns[i] : string.Empty;
                var at = Array.IndexOf(previous!.Columns, column);
                var was = at >= 0 && at < old.Length ? old[at] : null;
                return new EditionCell(value, !NotCompared.Contains(column) && !string.Equals(value ?? string.Empty, was ?? string.Empty, StringComparison.Ordinal));
            }).ToList();
            var changed = cells.Select((c, i) => (c, i)).Where(x => x.c.Changed && x.i < current.Columns.Length).Select(x => current.Columns[x.i]).ToList();
            return new EditionRowView(row.Slug, cells, changed.Count == 0 ? EditionRowChange.Unchanged : EditionRowChange.Changed, changed);
        }).ToList();
        var slugs = current.Rows.Select(r => r.Slug).ToHashSet(StringComparer.Ordinal);
        var removed = previous?.Rows.Where(r => !slugs.Contains(r.Slug)).Select(r => r.Values.FirstOrDefault() ?? r.Slug).ToList() ?? [];
        return new EditionView(current.Year, current.PublishedAt, current.Columns, previous?.Year, rows, removed!);
    }
}
