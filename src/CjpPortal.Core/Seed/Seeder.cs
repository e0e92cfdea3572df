using CjpPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CjpPortal.Core.Seed;

/// <summary>Loads reference data in every environment and, in demo mode, fictional example content.</summary>
public sealed class Seeder(AppDbContext db, TimeProvider clock, ILogger<Seeder> logger)
{
    /// <summary>Adds council areas, partnerships and search aliases that are missing, and the places the first time;
    /// never overwrites names CJS staff have changed, nor brings back a place they removed or renamed.</summary>
    public async Task SeedReferenceDataAsync(CancellationToken cancellationToken = default)
    {
        var partnerships = await db.Partnerships.ToDictionaryAsync(p => p.Slug, StringComparer.Ordinal, cancellationToken);
        var areas = await db.CouncilAreas.ToDictionaryAsync(a => a.GssCode, StringComparer.Ordinal, cancellationToken);

        foreach (var row in ReferenceData.CouncilAreas)
        {
            if (!partnerships.TryGetValue(row.PartnershipSlug, out var partnership))
            {
                partnership = new Partnership { Name = row.PartnershipName, Slug = row.PartnershipSlug };
                partnerships.Add(row.PartnershipSlug, partnership);
                db.Partnerships.Add(partnership);
            }

            if (areas.TryGetValue(row.GssCode, out var area))
            {
                // Aliases added to the reference file after an installation was seeded ("Forth Valley").
                var missing = row.Aliases.Where(a => !area.Aliases.Contains(a, StringComparer.OrdinalIgnoreCase)).ToList();
                if (missing.Count > 0)
                {
                    area.Aliases = [.. area.Aliases, .. missing];
                }

                continue;
            }

            area = new CouncilArea
            {
                GssCode = row.GssCode,
                Name = row.Name,
                Aliases = [.. row.Aliases],
                Partnership = partnership,
            };
            areas.Add(row.GssCode, area);
            db.CouncilAreas.Add(area);
        }

        if (!await db.Places.AnyAsync(cancellationToken))
        {
            db.Places.AddRange(ReferenceData.Places
                .Where(p => areas.ContainsKey(p.GssCode))
                .Select(p => new Place { Name = p.Name, CouncilArea = areas[p.GssCode] }));
        }

        var added = db.ChangeTracker.Entries().Count(e => e.State is EntityState.Added or EntityState.Modified);
        await db.SaveChangesAsync(cancellationToken);
        if (added > 0)
        {
            logger.LogInformation("Seeded {Count} reference rows", added);
        }
    }

    /// <summary>Adds fictional contacts, TSIs, routes, plans and reports, once, to an installation in demo mode.</summary>
    public async Task SeedDemoDataAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Contacts.AnyAsync(cancellationToken) || await db.ThirdSectorInterfaces.AnyAsync(cancellationToken))
        {
            return;
        }

        var today = Rules.ScottishTime.Today(clock);
        var partnerships = await db.Partnerships.Include(p => p.CouncilAreas).OrderBy(p => p.Slug).ToListAsync(cancellationToken);
        DemoData.Populate(partnerships, today);
        await db.SaveChangesAsync(cancellationToken);

        // The fallback contact refers to a contact row, so it is set once the contacts have keys.
        foreach (var partnership in partnerships.Where(p => p.CoordinatorPostVacant))
        {
            partnership.FallbackContactId = partnership.Contacts.First(c => !c.IsCoordinator).Id;
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded example data for {Count} partnerships", partnerships.Count);
    }
}
