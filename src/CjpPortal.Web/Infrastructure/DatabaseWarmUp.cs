using CjpPortal.Core;
using CjpPortal.Web.Queries;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Infrastructure;

/// <summary>Cold start: while the start-up thread configures and builds the host (the portal's own services, and so
/// its own database context, do not exist until it has), two other threads get the database ready:
/// <list type="bullet">
/// <item>one opens the first connection, with the portal's connection settings, and closes it again. Opening it reads
/// the database's type catalogue; closed, the connection goes back to Npgsql's pool for that connection string, where
/// the next query takes it;</item>
/// <item>the other runs the partnership snapshot's queries (<see cref="DirectoryQueries.LoadAllAsync"/>) once with a
/// context of its own and drops the result. EF Core keeps one internal service provider (type mappings, query
/// compilers, the compiled-query cache) for every set of options that would build the same one; these options are made
/// to match the portal's (<see cref="Options"/>), so the provider this builds, and the queries it compiles, are the ones
/// the portal's snapshot load then finds ready: about 0.15 s of EF Core's first query and the compilation of the six,
/// moved from after the host is built to while it is being built. The portal's own load starts as soon as the host is
/// built and does not wait for this one (waiting was slower: the first visitor's request then started a load of its
/// own); a query neither has compiled yet is compiled by both.</item>
/// </list>
/// Nothing here changes what the portal reads or serves: the snapshot itself is still loaded by the portal (and
/// evicted as before). A failure here changes nothing either: the portal's own first query opens its connection,
/// compiles its queries and reports any error as it would have.</summary>
public static class DatabaseWarmUp
{
    public static void Start(string? connectionString)
    {
        if (string.IsNullOrEmpty(connectionString))
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await using var connection = new Npgsql.NpgsqlConnection(DatabaseSetup.WithPortalDefaults(connectionString));
                await connection.OpenAsync();
            }
            catch (Exception exception) when (IsDatabaseFailure(exception))
            {
                // The first query tries again and logs what fails.
            }
        });
        _ = Task.Run(async () =>
        {
            try
            {
                await using var db = new AppDbContext(Options(connectionString));
                _ = await DirectoryQueries.LoadAllAsync(db, CancellationToken.None);
            }
            catch (Exception exception) when (IsDatabaseFailure(exception))
            {
                // As above.
            }
        });
    }

    /// <summary>Options that EF Core treats as the portal's for its internal service provider. It compares options
    /// extension by extension in the order they were added; the portal's context factory adds the core extension first
    /// (the application's service provider), then <see cref="DatabaseSetup.Configure"/> adds the provider's and the
    /// naming convention's, so the core extension comes first here too. The interceptors the portal adds, its
    /// application service provider and its pool size do not affect which internal service provider is used.
    /// <c>DatabaseWarmUpTests</c> checks that both get the same one.</summary>
    internal static DbContextOptions<AppDbContext> Options(string connectionString)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.EnableServiceProviderCaching();
        DatabaseSetup.Configure(options, connectionString);
        return options.Options;
    }

    private static bool IsDatabaseFailure(Exception exception) =>
        exception is Npgsql.NpgsqlException or System.Net.Sockets.SocketException or TimeoutException or ArgumentException
            or InvalidOperationException or DbUpdateException;
}
