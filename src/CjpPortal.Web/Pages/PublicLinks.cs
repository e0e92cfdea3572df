using CjpPortal.Web.Infrastructure;

namespace CjpPortal.Web.Pages;

/// <summary>Links to the public pages, for the signed-in pages that point at them.</summary>
public sealed class PublicLinks(LinkGenerator generator) : PageLinks(generator)
{
    public string Partnership(string slug) => Page("/Partnerships/Show", new { slug });

    /// <summary>The form for reporting a problem with a partnership's page.</summary>
    public string ReportProblem(string slug) => Page("/ReportAProblem/Index", new { partnership = slug });

    public string ProblemReported(string slug) => Page("/ReportAProblem/Sent", new { partnership = slug });

    /// <summary>The form for reporting a problem with an organisation's listing.</summary>
    public string ReportOrganisationProblem(int id) => Page("/ReportAProblem/Index", new { organisation = id });

    public string OrganisationProblemReported(int id) => Page("/ReportAProblem/Sent", new { organisation = id });

    public string Updates(int? pageNumber = null) => Paged(Page("/Updates/Index"), pageNumber);

    public string PartnershipUpdates(string slug, int? pageNumber = null) => Paged(Page("/Partnerships/Updates", new { slug }), pageNumber);

    public string Update(int id) => Page("/Updates/Show", new { id });

    /// <summary>One meeting as an iCalendar file ("Add to calendar").</summary>
    public string UpdateCalendar(int id) => Endpoint(Endpoints.UpdateFeeds.MeetingCalendarName, new { id });

    public string UpdatesFeed() => Endpoint(Endpoints.UpdateFeeds.NationalFeedName, new { });

    public string PartnershipUpdatesFeed(string slug) => Endpoint(Endpoints.UpdateFeeds.PartnershipFeedName, new { slug });

    public string Calendar() => Endpoint(Endpoints.UpdateFeeds.NationalCalendarName, new { });

    public string PartnershipCalendar(string slug) => Endpoint(Endpoints.UpdateFeeds.PartnershipCalendarName, new { slug });
}
