using CjpPortal.Core.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CjpPortal.Core.Organisations;

/// <summary>The organisations side of <see cref="CoreServices.AddPortalCore"/>: links, listings, and the yearly
/// confirmation cycle with its settings, checked when the host starts.</summary>
internal static class OrganisationServices
{
    public static void Add(IServiceCollection services)
    {
        services.AddOptions<ListingReviewOptions>().BindConfiguration(ListingReviewOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ListingReviewOptions>>(new ProblemValidator<ListingReviewOptions>(ListingReviewOptions.Problem));
        services.AddSingleton<OrganisationLinks>();
        services.AddSingleton<ListingReviewClock>();
        services.AddScoped<OrganisationListings>();
        services.AddScheduledJob<ListingReviewJob>();
    }
}
