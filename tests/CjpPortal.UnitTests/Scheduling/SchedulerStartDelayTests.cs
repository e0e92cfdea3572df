using CjpPortal.Core.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CjpPortal.UnitTests.Scheduling;

/// <summary>The scheduler's first round waits <see cref="SchedulerOptions.StartDelay"/> after start-up, so a portal
/// that has just started answers its first pages before it runs the jobs.</summary>
public sealed class SchedulerStartDelayTests
{
    private sealed class CountingJob : IScheduledJob
    {
        private readonly TaskCompletionSource ran = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Runs { get; private set; }

        public Task Ran => ran.Task;

        public string Name => "counting";

        public Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
        {
            Runs++;
            ran.TrySetResult();
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task StartAsync_BeforeTheStartDelay_RunsNoJobAndAfterItRunsThem()
    {
        // Arrange
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var job = new CountingJob();
        var services = new ServiceCollection().AddScoped<IScheduledJob>(_ => job).BuildServiceProvider();
        var options = Options.Create(new SchedulerOptions { StartDelay = TimeSpan.FromSeconds(30), Interval = TimeSpan.FromMinutes(5) });
        using var scheduler = new Scheduler(services.GetRequiredService<IServiceScopeFactory>(), options, clock, NullLogger<Scheduler>.Instance);

        // Act
        await scheduler.StartAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(100);
        var runsBeforeTheDelay = job.Runs;
        clock.Advance(TimeSpan.FromSeconds(1));
        await job.Ran.WaitAsync(TimeSpan.FromSeconds(30));
        await scheduler.StopAsync(CancellationToken.None);

        // Assert
        Assert.Equal(0, runsBeforeTheDelay);
        Assert.Equal(1, job.Runs);
    }
}
