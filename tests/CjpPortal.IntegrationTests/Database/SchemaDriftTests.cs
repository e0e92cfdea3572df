using System.Text;
using CjpPortal.Core;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CjpPortal.IntegrationTests.Database;

/// <summary>Migrations are written by hand, so nothing else notices when they and the EF model disagree. This builds
/// one database from the migrations and one from the model and compares what PostgreSQL reports about each.</summary>
public sealed class SchemaDriftTests
{
    private const string HistoryTable = "__ef_migrations_history";

    private static readonly (string Name, string Sql)[] Queries =
    [
        ("column", $"""
            SELECT table_name, column_name, data_type, udt_name, character_maximum_length, numeric_precision, numeric_scale,
                   datetime_precision, is_nullable, column_default, is_identity, identity_generation, is_generated, generation_expression
            FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name <> '{HistoryTable}'
            """),
        ("constraint", $"""
            SELECT c.conrelid::regclass::text, c.conname, c.contype, pg_get_constraintdef(c.oid)
            FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
            WHERE n.nspname = 'public' AND c.conrelid <> 0 AND c.conrelid::regclass::text <> '{HistoryTable}'
            """),
        ("index", $"""
            SELECT tablename, indexname, indexdef
            FROM pg_indexes
            WHERE schemaname = 'public' AND tablename <> '{HistoryTable}'
            """),
        ("table", $"""
            SELECT table_name, table_type
            FROM information_schema.tables
            WHERE table_schema = 'public' AND table_name <> '{HistoryTable}'
            """),
        ("sequence", """
            SELECT sequence_name, data_type, start_value, increment
            FROM information_schema.sequences
            WHERE sequence_schema = 'public'
            """),
        ("extension", "SELECT extname FROM pg_extension"),
    ];

    [Fact]
    public async Task Migrate_FreshDatabase_MatchesSchemaFromModel()
    {
        // Arrange
        await using var migrated = await TestDatabase.CreateAsync("cjp_test_migrated");
        await using var created = await TestDatabase.CreateAsync("cjp_test_created");

        // Act
        await using (var db = CreateContext(migrated.ConnectionString))
        {
            await db.Database.MigrateAsync();
        }

        await using (var db = CreateContext(created.ConnectionString))
        {
            await db.Database.EnsureCreatedAsync();
        }

        var fromMigrations = await DescribeAsync(migrated.ConnectionString);
        var fromModel = await DescribeAsync(created.ConnectionString);

        // Assert
        Assert.NotEmpty(fromModel);
        Assert.Contains(fromModel, line => line.StartsWith("table | partnerships", StringComparison.Ordinal));
        var diff = Diff(fromMigrations, fromModel);
        Assert.True(diff.Length == 0, $"The migrations and the EF model disagree. Add a migration (or fix the configuration) so these match:\n{diff}");
    }

    [Fact]
    public async Task Migrate_FreshDatabase_HasNoPendingMigrations()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync("cjp_test_migrated");
        await using var db = CreateContext(database.ConnectionString);

        // Act
        await db.Database.MigrateAsync();

        // Assert
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    private static AppDbContext CreateContext(string connectionString)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, connectionString);
        return new AppDbContext(options.Options);
    }

    /// <summary>One line per column, constraint, index, table, sequence and extension, sorted.</summary>
    private static async Task<List<string>> DescribeAsync(string connectionString)
    {
        var lines = new List<string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var (name, sql) in Queries)
        {
#pragma warning disable CA2100 // Fixed catalogue queries; the only interpolated value is a constant.
            await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var values = Enumerable.Range(0, reader.FieldCount)
                    .Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture));
                lines.Add($"{name} | {string.Join(" | ", values)}");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static string Diff(List<string> fromMigrations, List<string> fromModel)
    {
        var text = new StringBuilder();
        foreach (var line in fromMigrations.Except(fromModel, StringComparer.Ordinal))
        {
            text.Append("  only after MigrateAsync:      ").AppendLine(line);
        }

        foreach (var line in fromModel.Except(fromMigrations, StringComparer.Ordinal))
        {
            text.Append("  only after EnsureCreatedAsync: ").AppendLine(line);
        }

        return text.ToString();
    }
}
