using CjpPortal.Web.Api.OpenReferral;
using CjpPortal.Web.Endpoints;
using CjpPortal.Web.Queries;

namespace CjpPortal.Web;

/// <summary>Endpoints that are not Razor pages.</summary>
public static class PortalEndpoints
{
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        DirectoryCsv.Map(app);
        EditionCsv.Map(app);
        DashboardCsv.Map(app);
        StatementsCsv.Map(app);
        OrganisationsCsv.Map(app);
        DocumentDownload.Map(app);
        EngagementCsv.Map(app);
        UpdateFeeds.Map(app);
        OpenReferralApi.Map(app);
    }
}
