using CjpPortal.Core.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CjpPortal.Core;

public static class DatabaseSetup
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            // Tables, columns, keys, foreign keys and indexes get snake_case names (pk_partnerships,
            // ix_contacts_partnership_id_display_order, ...); configurations name only what code refers to.
            .UseSnakeCaseNamingConvention();
    }

    /// <summary>Applies migrations, then reference data, then (in demo mode) example data.</summary>
    public static async Task MigrateAndSeedAsync(IServiceProvider services, bool demoMode, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // Creating the database and the history table first spares a new installation EF's probe of a missing
        // history table, which it logs as an error although it is expected.
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            await creator.CreateAsync(cancellationToken);
        }

        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        var seeder = scope.ServiceProvider.GetRequiredService<Seeder>();
        await seeder.SeedReferenceDataAsync(cancellationToken);
        if (demoMode)
        {
            await seeder.SeedDemoDataAsync(cancellationToken);
        }
    }
}
