using CjpPortal.Core.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CjpPortal.Core;

public static class DatabaseSetup
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options
            .UseNpgsql(WithPortalDefaults(connectionString), npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            // Tables, columns, keys, foreign keys and indexes get snake_case names (pk_partnerships,
            // ix_contacts_partnership_id_display_order, ...); configurations name only what code refers to.
            .UseSnakeCaseNamingConvention();
    }

    /// <summary>The portal's connection settings, each unless the connection string sets it:
    /// <list type="bullet">
    /// <item>Npgsql's automatic preparation: a statement run twice on a connection is prepared and its plan kept, so
    /// searches are not planned afresh each time (planning was about 10 ms a query on the loaded benchmark machine;
    /// bench/README.md). Up to 64 statements per connection. <c>Max Auto Prepare=0</c> turns it off (e.g. behind a
    /// PgBouncer older than 1.21 in transaction mode, which cannot keep prepared statements).</item>
    /// <item><c>No Reset On Close=true</c>: a pooled connection is not reset (<c>RESET ALL; UNLISTEN *;
    /// pg_advisory_unlock_all(); DISCARD ...</c>, one round trip) each time it is taken from the pool. The portal leaves
    /// no session state behind: its advisory locks are transaction locks, it never uses <c>SET</c> outside a
    /// transaction or temporary tables, and the one listening connection is not pooled. The reset was about 0.3 ms of
    /// PostgreSQL's time per request on the search benchmark. <c>No Reset On Close=false</c> turns it back on.</item>
    /// </list></summary>
    public static string WithPortalDefaults(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
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
