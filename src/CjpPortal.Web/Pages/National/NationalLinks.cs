using CjpPortal.Web.Infrastructure;

namespace CjpPortal.Web.Pages.National;

/// <summary>Links to the CJS staff pages under /national.</summary>
public sealed class NationalLinks(LinkGenerator generator) : PageLinks(generator)
{
    public string Home() => Page("/National/Index");

    public string Partnerships() => Page("/National/Partnerships/Index");

    public string Dashboard() => Page("/National/Dashboard/Index");

    public string DashboardRemind() => Page("/National/Dashboard/Remind");

    public string Engagement() => Page("/National/Engagement/Index");

    public string Partnership(string slug) => Page("/National/Partnerships/Show", new { slug });

    public string RenamePartnership(string slug) => Page("/National/Partnerships/Name", new { slug });

    public string PartnershipAreas(string slug) => Page("/National/Partnerships/Areas", new { slug });

    public string Coordinators(int? pageNumber = null) => Paged(Page("/National/Coordinators/Index"), pageNumber);

    public string InviteCoordinator() => Page("/National/Coordinators/Invite");

    public string Coordinator(Guid id) => Page("/National/Coordinators/Show", new { id });

    public string Updates() => Page("/National/Updates/Index");

    public string NewUpdate() => Page("/National/Updates/New");

    public string EditUpdate(int id) => Page("/National/Updates/Edit", new { id });

    public string PreviewUpdate(int id) => Page("/National/Updates/Preview", new { id });

    public string DeleteUpdate(int id) => Page("/National/Updates/Delete", new { id });

    public string Places() => Page("/National/Places/Index");

    public string NewPlace() => Page("/National/Places/New");

    public string Place(int placeId) => Page("/National/Places/Edit", new { placeId });

    public string Refresh() => Page("/National/Refresh/Index");

    public string RefreshEdition() => Page("/National/Refresh/Edition");

    public string History(int? pageNumber = null) => Paged(Page("/National/History"), pageNumber);

    /// <summary>Breadcrumbs from national administration through the partnerships list down to the page; the last
    /// level has no link.</summary>
    public IReadOnlyList<(string Text, string? Url)> PartnershipBreadcrumbs(params (string Text, string? Url)[] levels) =>
        [("National administration", Home()), ("Partnerships", Partnerships()), .. levels];
}
