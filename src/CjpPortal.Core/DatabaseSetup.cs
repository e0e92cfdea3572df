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
            .UseNpgsql(WithAutoPrepare(connectionString), npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            // Tables, columns, keys, foreign keys and indexes get snake_case names (pk_partnerships,
            // ix_contacts_partnership_id_display_order, ...); configurations name only what code refers to.
            .UseSnakeCaseNamingConvention();
    }

    /// <summary>Turns on Npgsql's automatic preparation unless the connection string sets it: a statement run twice
    /// on a connection is prepared and its plan kept, so searches are not planned afresh each time (planning was
    /// about 10 ms a query on the loaded benchmark machine; bench/README.md). Up to 64 statements per connection.
    /// A connection string with <c>Max Auto Prepare=0</c> turns it off (e.g. behind a PgBouncer older than 1.21 in
    /// transaction mode, which cannot keep prepared statements).</summary>
    public static string WithAutoPrepare(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
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
