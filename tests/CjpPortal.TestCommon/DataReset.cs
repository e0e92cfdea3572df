using CjpPortal.Core;
using CjpPortal.Core.Domain;
using CjpPortal.Core.Seed;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Queries;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace CjpPortal.TestCommon;

/// <summary>Puts a test database back to reference data, plus freshly seeded demo data where a fixture still uses it.
/// Reference rows (council areas and partnerships) are kept and restored from <see cref="ReferenceData"/>; places are
/// emptied with the other tables and seeded again from places.csv by the seeder, which adds them to an empty table; the
/// data-protection keys are kept as they are; every other table in the model is emptied, so tables added later are
/// covered without changes here.</summary>
public static class DataReset
{
    /// <summary>Tables the reset does not empty. The data-protection keys are not test data: every host (the fixture's,
    /// and the extra ones some tests start) holds the key ring in memory and protects its cookies with it. Deleting
    /// the keys would make a host started after the reset create a new key ring that cannot read the cookies,
    /// antiforgery tokens and two-factor state of clients made before it, and the older hosts would not know its new
    /// key either.</summary>
    private static readonly Type[] KeptEntities = [typeof(CouncilArea), typeof(Partnership), typeof(DataProtectionKey)];

    public static async Task ResetAsync(IServiceProvider services, bool demoData = true)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            foreach (var sql in ClearStatements(db.Model))
            {
                await db.Database.ExecuteSqlRawAsync(sql);
            }

            await RestoreReferenceRowsAsync(db);
            await transaction.CommitAsync();
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var seeder = scope.ServiceProvider.GetRequiredService<Seeder>();
            await seeder.SeedReferenceDataAsync();
            if (demoData)
            {
                await seeder.SeedDemoDataAsync();
            }
        }

        await EvictCachesAsync(services);
    }

    public static async Task EvictCachesAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        await services.GetRequiredService<PublicCache>().EvictAsync();
        services.GetRequiredService<AreaIndex>().Invalidate();
        // The reset's TRUNCATE notifies every host's listener too, but only after this returns.
        services.GetRequiredService<Web.Infrastructure.Auth.AccountCache>().Forget();
    }

    /// <summary>SQL that empties every non-reference table. TRUNCATE refuses a table that a kept table has a
    /// foreign key to (even a null one), so those tables, and the tables they in turn reference, are emptied
    /// with DELETE after the kept tables' references to them are set to null.</summary>
    public static IReadOnlyList<string> ClearStatements(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var tables = model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null && e.GetViewName() is null)
            .ToList();
        var kept = tables.Where(e => KeptEntities.Contains(e.ClrType)).Select(Table).ToHashSet(StringComparer.Ordinal);

        var statements = new List<string>();
        var deleted = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<IForeignKey>(tables.Where(e => kept.Contains(Table(e))).SelectMany(e => e.GetForeignKeys()));
        while (pending.TryDequeue(out var foreignKey))
        {
            var principal = Table(foreignKey.PrincipalEntityType);
            if (kept.Contains(principal))
            {
                continue;
            }

            if (kept.Contains(Table(foreignKey.DeclaringEntityType)))
            {
                var columns = foreignKey.Properties.Select(p => $"{Quote(p.GetColumnName())} = NULL");
                statements.Add($"UPDATE {Table(foreignKey.DeclaringEntityType)} SET {string.Join(", ", columns)}");
            }

            if (deleted.Add(principal))
            {
                foreach (var next in foreignKey.PrincipalEntityType.GetForeignKeys())
                {
                    pending.Enqueue(next);
                }
            }
        }

        var truncated = tables.Select(Table).Distinct(StringComparer.Ordinal)
            .Where(t => !kept.Contains(t) && !deleted.Contains(t))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (truncated.Count > 0)
        {
            statements.Add($"TRUNCATE {string.Join(", ", truncated)} RESTART IDENTITY");
        }

        // Rows that reference other deleted rows go first.
        statements.AddRange(DeleteOrder(tables.Where(e => deleted.Contains(Table(e))).ToList())
            .Select(t => $"DELETE FROM {t}"));
        return statements;
    }

    /// <summary>Tables ordered so that no table is emptied while another still to be emptied references it.</summary>
    private static List<string> DeleteOrder(List<IEntityType> entities)
    {
        var references = entities
            .SelectMany(e => e.GetForeignKeys().Select(fk => (From: Table(e), To: Table(fk.PrincipalEntityType))))
            .Where(r => r.From != r.To)
            .ToList();
        var remaining = entities.Select(Table).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var ordered = new List<string>();
        while (remaining.Count > 0)
        {
            // A cycle among the deleted tables has no safe order; the first table goes and the database decides.
            var next = remaining.FirstOrDefault(t => !references.Any(r => r.To == t && remaining.Contains(r.From))) ?? remaining[0];
            ordered.Add(next);
            remaining.Remove(next);
        }

        return ordered;
    }

    private static async Task RestoreReferenceRowsAsync(AppDbContext db)
    {
        var reference = ReferenceData.CouncilAreas;
        var partnerships = await db.Partnerships.ToListAsync();
        var bySlug = partnerships.ToDictionary(p => p.Slug, StringComparer.Ordinal);

        // Names are unique, and CJS staff may have given one partnership another's seeded name (or swapped two), so
        // every renamed or extra partnership first takes a name no seeded partnership has; seeded ones then get their own.
        var renamed = partnerships
            .Where(p => reference.FirstOrDefault(r => r.PartnershipSlug == p.Slug) is not { } row || row.PartnershipName != p.Name)
            .ToList();
        foreach (var partnership in renamed)
        {
            partnership.Name = $"(being reset) {partnership.Slug}";
        }

        await db.SaveChangesAsync();

        foreach (var partnership in partnerships)
        {
            if (reference.FirstOrDefault(r => r.PartnershipSlug == partnership.Slug) is not { } row)
            {
                continue;
            }

            partnership.Name = row.PartnershipName;
            partnership.Website = null;
            partnership.GovernanceNotes = null;
            partnership.CoordinatorPostVacant = false;
            partnership.FallbackContactId = null;
            partnership.LastConfirmedOn = null;
        }

        foreach (var area in await db.CouncilAreas.ToListAsync())
        {
            if (reference.FirstOrDefault(r => r.GssCode == area.GssCode) is { } row && bySlug.TryGetValue(row.PartnershipSlug, out var owner))
            {
                area.Name = row.Name;
                area.Aliases = [.. row.Aliases];
                area.PartnershipId = owner.Id;
            }
            else
            {
                db.CouncilAreas.Remove(area);
            }
        }

        await db.SaveChangesAsync();

        var referenceSlugs = reference.Select(r => r.PartnershipSlug).ToHashSet(StringComparer.Ordinal);
        db.Partnerships.RemoveRange(partnerships.Where(p => !referenceSlugs.Contains(p.Slug)));
        await db.SaveChangesAsync();
    }

    private static string Table(IReadOnlyEntityType entity) =>
        entity.GetSchema() is { } schema
            ? $"{Quote(schema)}.{Quote(entity.GetTableName()!)}"
            : Quote(entity.GetTableName()!);

    private static string Quote(string? name) => $"\"{name}\"";
}
