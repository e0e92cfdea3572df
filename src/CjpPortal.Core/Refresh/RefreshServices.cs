using CjpPortal.Core.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CjpPortal.Core.Refresh;

/// <summary>The refresh side of <see cref="CoreServices.AddPortalCore"/>: its settings, checked when the host starts,
/// and its jobs. The host registers <see cref="IRefreshLinks"/> and the <see cref="Rules.AnnualReturnDeadline"/>.</summary>
internal static class RefreshServices
{
    public static void Add(IServiceCollection services)
    {
        services.AddOptions<RefreshOptions>().BindConfiguration(RefreshOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RefreshOptions>, Validator>();
        services.AddScoped<RefreshReminders>();
        services.AddScoped<RefreshProgress>();
        services.AddScheduledJob<RefreshJob>();
        services.AddScheduledJob<ReturnDueJob>();
    }

    private sealed class Validator : IValidateOptions<RefreshOptions>
    {
        public ValidateOptionsResult Validate(string? name, RefreshOptions options) =>
            RefreshOptions.Problem(options) is { } message ? ValidateOptionsResult.Fail(message) : ValidateOptionsResult.Success;
    }
}
