using System.Net.Sockets;
using Npgsql;

namespace CjpPortal.Web.Infrastructure;

/// <summary>Tells an outage (the database cannot be reached, is starting up or shutting down, has gone, or has no
/// connections left) from a fault in the portal. An outage is answered with 503 and Retry-After, so people, monitors
/// and crawlers know to come back; anything else stays a 500 with a reference to the log.</summary>
public static class DatabaseUnavailable
{
    /// <summary>How long to suggest waiting before trying again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>SQLSTATEs that mean the server is there but not able to serve the portal's database now.</summary>
    private static readonly HashSet<string> UnavailableStates = new(StringComparer.Ordinal)
    {
        PostgresErrorCodes.CannotConnectNow, // 57P03: "the database system is starting up" (or shutting down)
        PostgresErrorCodes.AdminShutdown, // 57P01
        PostgresErrorCodes.CrashShutdown, // 57P02
        PostgresErrorCodes.DatabaseDropped, // 57P04
        PostgresErrorCodes.InvalidCatalogName, // 3D000: the database does not exist (dropped, or not yet restored)
        PostgresErrorCodes.TooManyConnections, // 53300
        PostgresErrorCodes.ConnectionException, // 08000 and the rest of class 08, checked by prefix below
    };

    /// <summary>True when <paramref name="exception"/>, or an exception it wraps (EF Core wraps Npgsql's in
    /// InvalidOperationException, DbUpdateException or RetryLimitExceededException), is a connection failure.</summary>
    public static bool Is(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException postgres:
                    // The server answered: an outage only if the answer says it cannot serve us; a bad query is a fault.
                    return UnavailableStates.Contains(postgres.SqlState) || postgres.SqlState.StartsWith("08", StringComparison.Ordinal);
                case NpgsqlException npgsql when npgsql.IsTransient:
                    // Client side: refused or dropped connections, timeouts, an exhausted pool (Npgsql marks these
                    // transient by their inner SocketException, IOException or TimeoutException).
                    return true;
                case SocketException:
                case TimeoutException:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(Is):
                    return true;
            }
        }

        return false;
    }
}
