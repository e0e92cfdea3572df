using CjpPortal.Core.Email.Messages;
using CjpPortal.Core.Scheduling;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CjpPortal.IntegrationTests.Refresh;

/// <summary>The annual refresh and the return-due reminders over a simulated year with the fixture clock: who gets
/// what, when, once; nothing after confirmation or submission; a missed day caught up with the latest step only.</summary>
public sealed class RefreshScheduleTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture), IAsyncLifetime
{
    private const int Year = 2027;
    private static readonly DateOnly Opens = new(Year, 4, 1);

    async Task IAsyncLifetime.DisposeAsync()
    {
        Fixture.Clock.SetUtcNow(new FixedTimeProvider().GetUtcNow());
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Run_SimulatedYear_SendsExactlyTheExpectedInvitationsRemindersEscalationAndReturnReminders()
    {
        // Arrange
        var falkirk = await Fixture.CreateActiveCoordinatorAsync("falkirk");
        var stirling = await Fixture.CreateActiveCoordinatorAsync("stirling");
        var inactiveOrkney = await Fixture.CreateUserAsync(Core.Identity.Roles.Coordinator, "orkney");
        var staff = await Fixture.CreateActiveCjsStaffAsync();
        await Fixture.ConfirmAllEntriesExceptAsync(Opens, "falkirk", "orkney");
        // Stirling submits its 2026-27 return on 20 November, after the 60-day reminder and before the 14-day one.
        await Fixture.CreateAnnualReturnAsync("stirling", 2026, new DateOnly(2027, 12, 31), submittedOn: new DateOnly(2027, 11, 20));
        var falkirkName = await Fixture.PartnershipNameAsync("falkirk");
        var orkneyName = await Fixture.PartnershipNameAsync("orkney");
        var stirlingName = await Fixture.PartnershipNameAsync("stirling");

        // Act: every day from the day before the opening to the new year, Falkirk confirming on day 30.
        for (var day = Opens.AddDays(-1); day <= new DateOnly(2028, 1, 5); day = day.AddDays(1))
        {
            if (day == Opens.AddDays(30))
            {
                await Fixture.ConfirmEntryAsync("falkirk", day);
            }

            await Fixture.RunSchedulerOnAsync(day);
        }

        // Assert
        var returnDue = ReturnDueEmail.SubjectFor(falkirkName, "2026-27", new DateOnly(2027, 12, 31));
        string[] expected =
        [
            $"{falkirk.Email} | {RefreshReviewEmail.SubjectFor(falkirkName, Year, reminder: false)}",
            $"{falkirk.Email} | {RefreshReviewEmail.SubjectFor(falkirkName, Year, reminder: true)}",
            $"{falkirk.Email} | {returnDue}",
            $"{falkirk.Email} | {returnDue}",
            $"{staff.Email} | {RefreshReviewEmail.SubjectFor(orkneyName, Year, reminder: false)}",
            $"{staff.Email} | {RefreshReviewEmail.SubjectFor(orkneyName, Year, reminder: true)}",
            $"{staff.Email} | {RefreshReviewEmail.SubjectFor(orkneyName, Year, reminder: true)}",
            $"{staff.Email} | {RefreshEscalationEmail.SubjectFor(Year, 1)}",
            $"{stirling.Email} | {ReturnDueEmail.SubjectFor(stirlingName, "2026-27", new DateOnly(2027, 12, 31))}",
        ];
        var queued = await Fixture.QueuedEmailsAsync();
        Assert.Equal(expected.Order(StringComparer.Ordinal), queued.Select(e => $"{e.To} | {e.Subject}").Order(StringComparer.Ordinal));
        Assert.DoesNotContain(queued, e => e.To == inactiveOrkney.Email);
    }

    [Fact]
    public async Task Run_OnEachStepDay_SendsOnTheRightDays()
    {
        // Arrange
        var falkirk = await Fixture.CreateActiveCoordinatorAsync("falkirk");
        await Fixture.ConfirmAllEntriesExceptAsync(Opens, "falkirk");
        var name = await Fixture.PartnershipNameAsync("falkirk");
        var sent = new List<(int Day, int Count)>();

        // Act
        for (var day = 0; day <= 50; day++)
        {
            var before = (await Fixture.QueuedEmailsAsync()).Count;
            await Fixture.RunSchedulerOnAsync(Opens.AddDays(day));
            var after = (await Fixture.QueuedEmailsAsync()).Count;
            if (after > before)
            {
                sent.Add((day, after - before));
            }
        }

        // Assert: the invitation, the reminders on days 21 and 35; the escalation goes to no one (no CJS staff).
        Assert.Equal([(0, 1), (21, 1), (35, 1)], sent);
        Assert.All(await Fixture.QueuedEmailsAsync(), e => Assert.Equal(falkirk.Email, e.To));
        Assert.Contains(RefreshReviewEmail.SubjectFor(name, Year, reminder: true), (await Fixture.QueuedEmailsAsync()).Select(e => e.Subject));
    }

    [Fact]
    public async Task Run_LateOnDay23_SendsTheDay21ReminderOnceAndNotTheInvitation()
    {
        // Arrange
        var falkirk = await Fixture.CreateActiveCoordinatorAsync("falkirk");
        await Fixture.ConfirmAllEntriesExceptAsync(Opens, "falkirk");
        var name = await Fixture.PartnershipNameAsync("falkirk");

        // Act
        await Fixture.RunSchedulerOnAsync(Opens.AddDays(23));
        await Fixture.RunSchedulerOnAsync(Opens.AddDays(23));
        await Fixture.RunSchedulerOnAsync(Opens.AddDays(24));

        // Assert
        Assert.Equal([new QueuedEmail(falkirk.Email, RefreshReviewEmail.SubjectFor(name, Year, reminder: true))], await Fixture.QueuedEmailsAsync());
    }

    [Fact]
    public async Task Run_SeveralStepsOverdue_SendsOnlyTheLatest()
    {
        // Arrange: the server was down from before the opening to day 40.
        var falkirk = await Fixture.CreateActiveCoordinatorAsync("falkirk");
        await Fixture.ConfirmAllEntriesExceptAsync(Opens, "falkirk");

        // Act
        await Fixture.RunSchedulerOnAsync(Opens.AddDays(40));
        await Fixture.RunSchedulerOnAsync(Opens.AddDays(41));
        var keys = await Fixture.WithDbContextAsync(db => db.ScheduledOccurrences.Select(o => o.Key).ToListAsync());

        // Assert: one e-mail, the second reminder's (step 2), and no claim of the invitation or the first reminder.
        Assert.Single(await Fixture.QueuedEmailsAsync(), e => e.To == falkirk.Email);
        Assert.Single(keys);
        Assert.EndsWith("/2", keys[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_StartedLongAfterTheOpening_SendsNothing()
    {
        // Arrange: a portal started in November: every step is more than the catch-up window late.
        await Fixture.CreateActiveCoordinatorAsync("falkirk");
        await Fixture.CreateActiveCjsStaffAsync();

        // Act
        await Fixture.RunSchedulerOnAsync(new DateOnly(Year, 9, 1));

        // Assert
        Assert.Empty(await Fixture.QueuedEmailsAsync());
    }

    [Fact]
    public async Task Run_TwoInstancesAtOnce_SendEachInvitationOnce()
    {
        // Arrange
        var falkirk = await Fixture.CreateActiveCoordinatorAsync("falkirk");
        var staff = await Fixture.CreateActiveCjsStaffAsync();
        Fixture.Clock.SetUtcNow(new DateTimeOffset(Opens, new TimeOnly(9, 0), TimeSpan.Zero));
        var scheduler = Fixture.SchedulerFactory().Services.GetRequiredService<Scheduler>();
        var partnerships = await Fixture.WithDbContextAsync(db => db.Partnerships.CountAsync());

        // Act: two rounds at once (each with its own scope and connection, as two instances would run them), then a repeat.
        await Task.WhenAll(scheduler.RunDueAsync(CancellationToken.None), scheduler.RunDueAsync(CancellationToken.None));
        await scheduler.RunDueAsync(CancellationToken.None);

        // Assert: Falkirk's coordinator once; CJS staff once for each of the other partnerships.
        var queued = await Fixture.QueuedEmailsAsync();
        Assert.Single(queued, e => e.To == falkirk.Email);
        var toStaff = queued.Where(e => e.To == staff.Email).Select(e => e.Subject).ToList();
        Assert.Equal(partnerships - 1, toStaff.Count);
        Assert.Equal(partnerships - 1, toStaff.Distinct(StringComparer.Ordinal).Count());
    }
}
