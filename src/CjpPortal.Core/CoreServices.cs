using CjpPortal.Core.Documents;
using CjpPortal.Core.Email;
using CjpPortal.Core.Identity;
using CjpPortal.Core.Links;
using CjpPortal.Core.Plans;
using CjpPortal.Core.Refresh;
using CjpPortal.Core.Problems;
using CjpPortal.Core.Scheduling;
using CjpPortal.Core.Seed;
using CjpPortal.Core.Subscriptions;
using CjpPortal.Core.Updates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CjpPortal.Core;

/// <summary>Core's own registrations, so any host (the web app, a worker, a command) gets the same set without
/// copying the web app's.</summary>
public static class CoreServices
{
    /// <summary>Registers the database (a pooled <see cref="IDbContextFactory{AppDbContext}"/> for background work, and
    /// a scoped <see cref="AppDbContext"/> leased from the same pool for requests), the seeder, the mail outbox, the
    /// account services, the document store, and <see cref="TimeProvider.System"/> unless the host has its own clock.
    /// ASP.NET Core Identity (<c>UserManager</c>, which the account services use) is the host's to add: the web app's
    /// set-up includes cookies and sign-in, which a worker would not want.</summary>
    public static IServiceCollection AddPortalCore(this IServiceCollection services, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(connectionString);

        // Saves that change accounts tell this process's account caches at once (AccountChanges).
        services.AddSingleton<AccountChanges>();
        services.AddSingleton<AccountChangeInterceptor>();
        services.AddPooledDbContextFactory<AppDbContext>((provider, options) =>
            DatabaseSetup.Configure(options, connectionString).AddInterceptors(provider.GetRequiredService<AccountChangeInterceptor>()));
        // Disposing the scope returns the context to the pool.
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        services.TryAddSingleton(TimeProvider.System);

        // Sign-in, two-factor, antiforgery and TempData cookies, and the signed links in e-mails, are protected by keys
        // that must survive a restart and be shared by every instance (a worker builds unsubscribe links too), so they
        // live in the database (data_protection_keys), not on one machine's disk.
        services.AddDataProtection()
            .SetApplicationName("cjp-portal")
            .PersistKeysToDbContext<AppDbContext>();
        services.AddSingleton<SignedTokens>();

        services.AddScoped<Seeder>();
        services.AddScoped<IEmailOutbox, EmailOutbox>();
        services.AddScoped<OutboxAdministration>();
        EmailServices.Add(services);
        SchedulerServices.Add(services);
        RefreshServices.Add(services);
        services.AddScoped<InvitationService>();
        services.AddScoped<AccountAdministration>();
        services.AddScoped<DocumentStore>();
        services.AddScoped<PlanService>();
        Organisations.OrganisationServices.Add(services);
        SubscriptionServices.Add(services);
        services.AddScoped<ProblemReportService>();
        services.AddScoped<UpdateService>();
        services.AddScoped<IUpdateNotifier, BroadcastUpdateNotifier>();
        return services;
    }
}
