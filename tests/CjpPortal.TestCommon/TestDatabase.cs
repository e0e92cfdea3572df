using System.Security.Cryptography;
using Npgsql;

namespace CjpPortal.TestCommon;

/// <summary>A uniquely named PostgreSQL database on the server named by CJP_TEST_CONNECTION, dropped on dispose.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string ServerVariable = "CJP_TEST_CONNECTION";

    private TestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>A superuser connection string to the test server's maintenance database.</summary>
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"The integration tests need a PostgreSQL server: run bash scripts/test.sh, or set {ServerVariable} " +
                "to a superuser connection string such as 'Host=127.0.0.1;Port=5433;Username=postgres;Database=postgres'.");

    /// <summary>Creates an empty database named <c>{prefix}_{random}</c>.</summary>
    public static async Task<TestDatabase> CreateAsync(string prefix = "cjp_test")
    {
        var name = $"{prefix}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
        await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\"");
        var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString)
        {
            Database = name,
            // Names the connections, so a test run's sessions can be told apart in pg_stat_activity.
            ApplicationName = name,
        };
        return new TestDatabase(name, builder.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
#pragma warning disable CA2100 // The only interpolated value is a database name this class generated from hex digits.
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
    }
}
