using CjpPortal.Core.Identity;
using CjpPortal.Web.Infrastructure.Auth;
using Npgsql;

namespace CjpPortal.Web.Infrastructure;

/// <summary>Listens on a connection of its own for <see cref="PublicCache.Channel"/>, and clears this instance's public
/// caches when any instance (this one included) changes directory data, and for <see cref="AccountChanges.Channel"/>
/// (sent by the database's triggers on accounts, roles and coordinator appointments), and forgets this instance's
/// <see cref="AccountCache"/>. After a lost connection it clears both anyway, since notifications sent meanwhile are
/// gone, and listens again.</summary>
public sealed partial class PublicCacheListener(PublicCache cache, AccountCache accounts, IConfiguration configuration, ILogger<PublicCacheListener> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Default"))
        {
            // A listening connection sits idle between notifications; keepalives find a dead one.
            KeepAlive = 30,
            Pooling = false,
        }.ConnectionString;
        // LISTEN and notifications need no data types beyond the built-in ones, so the connection does not read the
        // database's type catalogue when it opens (at start-up, beside the first page's work).
        var sourceBuilder = new NpgsqlDataSourceBuilder(connectionString);
        sourceBuilder.ConfigureTypeLoading(types => types.EnableTypeLoading(false));
        await using var dataSource = sourceBuilder.Build();
        var missedSome = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, notification) =>
                {
                    if (notification.Channel == AccountChanges.Channel)
                    {
                        accounts.Forget();
                    }
                    else
                    {
                        _ = cache.EvictHereAsync(CancellationToken.None).AsTask();
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {PublicCache.Channel}; LISTEN {AccountChanges.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                accounts.Listening = true;
                if (missedSome)
                {
                    await cache.EvictHereAsync(stoppingToken);
                    missedSome = false;
                }

                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException or InvalidOperationException)
            {
                accounts.Listening = false;
                missedSome = true;
                LogListenFailed(exception, RetryDelay.TotalSeconds);
                try
                {
                    await Task.Delay(RetryDelay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not listening for cache evictions from other instances; trying again in {Seconds} s")]
    private partial void LogListenFailed(Exception exception, double seconds);
}
