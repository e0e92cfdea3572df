using System.Runtime.CompilerServices;
using CjpPortal.Core.Identity;
using CjpPortal.Core.Scheduling;
using CjpPortal.Web;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CjpPortal.TestCommon;

/// <summary>An e-mail in the outbox, as the refresh tests compare them.</summary>
public sealed record QueuedEmail(string To, string Subject);

public static partial class TestData
{
    /// <summary>The address the refresh e-mails link to in tests.</summary>
    public const string RefreshBaseUrl = "https://cjp.example.org";

    private static readonly ConditionalWeakTable<PortalFactory, WebApplicationFactory<PortalOptions>> SchedulerHosts = [];

    /// <summary>The portal with <c>Portal:BaseUrl</c> set, as a scheduler needs for e-mailed links; it shares the
    /// fixture's database and clock and is disposed with the fixture's factory.</summary>
    public static WebApplicationFactory<PortalOptions> SchedulerFactory(this PortalFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        return SchedulerHosts.GetValue(fixture.Factory, factory => factory.WithWebHostBuilder(builder =>
            builder.UseSetting(PortalLinks.BaseUrlKey, RefreshBaseUrl)));
    }

    /// <summary>One round of every scheduled job at the fixture clock's time, as one portal instance would run it.</summary>
    public static Task RunSchedulerAsync(this PortalFixture fixture) =>
        fixture.SchedulerFactory().Services.GetRequiredService<Scheduler>().RunDueAsync(CancellationToken.None);

    /// <summary>Moves the fixture clock to noon (UTC) on <paramref name="day"/> and runs the scheduler once.</summary>
    public static async Task RunSchedulerOnAsync(this PortalFixture fixture, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        fixture.Clock.SetUtcNow(new DateTimeOffset(day, new TimeOnly(12, 0), TimeSpan.Zero));
        await fixture.RunSchedulerAsync();
    }

    /// <summary>Every queued e-mail, oldest first.</summary>
    public static Task<List<QueuedEmail>> QueuedEmailsAsync(this PortalFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        return fixture.WithDbContextAsync(db => db.EmailOutbox.AsNoTracking().OrderBy(e => e.Id).Select(e => new QueuedEmail(e.To, e.Subject)).ToListAsync());
    }

    /// <summary>Marks every partnership but <paramref name="except"/> confirmed on <paramref name="on"/>, so a test
    /// hears only from the ones it is about.</summary>
    public static Task ConfirmAllEntriesExceptAsync(this PortalFixture fixture, DateOnly on, params string[] except)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        return fixture.WithDbContextAsync(db => db.Partnerships.Where(p => !except.Contains(p.Slug))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.LastConfirmedOn, on)));
    }

    /// <summary>A member of CJS staff who has finished setting up, so the refresh writes to them.</summary>
    public static async Task<TestUser> CreateActiveCjsStaffAsync(this PortalFixture fixture)
    {
        var user = await fixture.CreateUserAsync(Roles.CjsStaff);
        await fixture.WithDbContextAsync(db =>
            db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PasswordHash, "not-a-real-hash")));
        fixture.ForgetAccountCopies();
        return user;
    }

    public static Task<string> PartnershipNameAsync(this PortalFixture fixture, string slug)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        return fixture.WithDbContextAsync(db => db.Partnerships.Where(p => p.Slug == slug).Select(p => p.Name).SingleAsync());
    }
}
