using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Infrastructure.Documents;
using CjpPortal.Web.Infrastructure.Map;
using CjpPortal.Web.Infrastructure.Validation;
using CjpPortal.Web.Pages;
using CjpPortal.Web.Pages.Admin;
using CjpPortal.Web.Pages.Manage;
using CjpPortal.Web.Pages.National;
using CjpPortal.Web.Queries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace CjpPortal.Web;

/// <summary>The web app's own services (Core's come from <c>AddPortalCore</c>), in one place so tests and the host register the same set.</summary>
public static class PortalServices
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<DirectoryQueries>();
        services.AddScoped<OrganisationQueries>();
        services.AddScoped<Pages.ReportAProblem.ReportSubjects>();
        services.AddScoped<DirectoryEditions>();
        services.AddScoped<UpdateQueries>();
        services.AddScoped<HistoryQueries>();
        services.AddScoped<DashboardQueries>();
        services.AddSingleton<DashboardRowsCache>();
        services.AddSingleton<Infrastructure.TagHelpers.KeptContent>();
        services.AddScoped<EngagementQueries>();
        services.AddSingleton<AreaIndex>();
        services.AddSingleton<DirectorySnapshotCache>();
        services.AddSingleton<Infrastructure.Auth.AccountCache>();
        services.AddSingleton<ListingIndexCache>();
        services.AddSingleton<ScotlandMap>();
        services.AddSingleton<AreaLocator>();
        services.AddScoped<SpellingSuggestions>();
        services.AddSingleton<PortalLinks>();
        RefreshSettings.Add(services);
        services.AddHostedService<PublicCacheListener>();
        services.AddSingleton<PublicLinks>();
        services.AddSingleton<ManageLinks>();
        services.AddSingleton<NationalLinks>();
        services.AddSingleton<AdminLinks>();
        services.AddSingleton<DocumentLinks>();
        services.AddScoped<DocumentViewers>();
        // After MVC's own setup, which makes the lists these go into.
        services.PostConfigure<MvcOptions>(AddFormHandling);
    }

    /// <summary>Strings are bound trimmed (before the binder that would take them as typed), and a field shows the
    /// message of its first failing rule only.</summary>
    public static void AddFormHandling(MvcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var simpleTypes = options.ModelBinderProviders.Select((provider, index) => (provider, index))
            .First(p => p.provider is SimpleTypeModelBinderProvider).index;
        options.ModelBinderProviders.Insert(simpleTypes, new TrimmingModelBinderProvider());
        options.ModelValidatorProviders.Add(new FirstFailingRuleOnly());
    }
}
