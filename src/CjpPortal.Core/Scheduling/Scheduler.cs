using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CjpPortal.Core.Scheduling;

public sealed class SchedulerOptions
{
    public const string SectionName = "Scheduler";

    /// <summary>False in tests, which call <see cref="Scheduler.RunDueAsync"/> with a clock they move.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Between a second and a day.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long after start-up the first round waits (up to an hour): a portal that has just started spends
    /// its first seconds answering its first pages (bench/coldstart.sh); reminders and digests can wait.</summary>
    public TimeSpan StartDelay { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Runs every <see cref="IScheduledJob"/> each <see cref="SchedulerOptions.Interval"/>, each in its own
/// scope. Each instance of the portal (and the <c>worker</c> command) runs one; the jobs' occurrences make that
/// safe. A job that fails is logged and tried again next round; it does not stop the others.</summary>
public sealed partial class Scheduler(
    IServiceScopeFactory scopes,
    IOptions<SchedulerOptions> options,
    TimeProvider clock,
    ILogger<Scheduler> logger) : BackgroundService
{
    /// <summary>Runs each job once, now. Tests call this directly with the hosted loop disabled.</summary>
    public async Task RunDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        foreach (var job in scope.ServiceProvider.GetServices<IScheduledJob>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await job.RunAsync(clock.GetUtcNow(), cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // One job's failure must not stop the others; the next round tries again.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogJobFailed(exception, job.Name);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        try
        {
            await Task.Delay(options.Value.StartDelay, clock, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunDueAsync(stoppingToken);
                await Task.Delay(options.Value.Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled job {Job} failed; it runs again next round.")]
    private partial void LogJobFailed(Exception exception, string job);
}

public static class SchedulerServices
{
    internal static void Add(IServiceCollection services)
    {
        services.AddOptions<SchedulerOptions>().BindConfiguration(SchedulerOptions.SectionName).Validate(
            o => o.Interval >= TimeSpan.FromSeconds(1) && o.Interval <= TimeSpan.FromDays(1),
            "Scheduler:Interval must be between 00:00:01 and 1.00:00:00.")
            .Validate(o => o.StartDelay >= TimeSpan.Zero && o.StartDelay <= TimeSpan.FromHours(1), "Scheduler:StartDelay must be between 00:00:00 and 01:00:00.")
            .ValidateOnStart();
        services.AddSingleton<Scheduler>();
        services.AddHostedService(provider => provider.GetRequiredService<Scheduler>());
    }

    /// <summary>Adds a job the scheduler runs every round (scoped: it may take the request-style
    /// <see cref="AppDbContext"/>).</summary>
    public static IServiceCollection AddScheduledJob<T>(this IServiceCollection services)
        where T : class, IScheduledJob
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IScheduledJob, T>());
        return services;
    }
}
