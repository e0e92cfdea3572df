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

        // Act: the clock moves a second at a time (the loop starts on another thread, so when it sets its timer is
        // not known) until the job has run
        await scheduler.StartAsync(CancellationToken.None);
        var moved = TimeSpan.Zero;
        while (moved < TimeSpan.FromMinutes(2))
        {
            await Task.WhenAny(job.Ran, Task.Delay(50));
            if (job.Ran.IsCompleted)
            {
                break;
            }

            clock.Advance(TimeSpan.FromSeconds(1));
            moved += TimeSpan.FromSeconds(1);
        }

        await scheduler.StopAsync(CancellationToken.None);

        // Assert
        Assert.True(job.Ran.IsCompleted, "The job never ran.");
        Assert.True(moved >= TimeSpan.FromSeconds(30), $"The job ran after {moved.TotalSeconds} s, before the 30 s start delay.");
        Assert.Equal(1, job.Runs);
    }
}
