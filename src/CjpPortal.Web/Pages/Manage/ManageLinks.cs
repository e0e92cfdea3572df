using CjpPortal.Web.Infrastructure;

namespace CjpPortal.Web.Pages.Manage;

/// <summary>Links to the coordinators' pages under /manage.</summary>
public sealed class ManageLinks(LinkGenerator generator) : PageLinks(generator)
{
    public string Home() => Page("/Manage/Index");

    public string Partnership(string slug) => Page("/Manage/Partnerships/Index", new { slug });

    public string Details(string slug) => Page("/Manage/Partnerships/Details", new { slug });

    public string Contacts(string slug) => Page("/Manage/Partnerships/Contacts/Index", new { slug });

    public string NewContact(string slug) => Page("/Manage/Partnerships/Contacts/New", new { slug });

    public string EditContact(string slug, int id) => Page("/Manage/Partnerships/Contacts/Edit", new { slug, id });

    public string RemoveContact(string slug, int id) => Page("/Manage/Partnerships/Contacts/Remove", new { slug, id });

    public string DeleteRoute(string slug, int id) => Page("/Manage/Partnerships/Routes/Delete", new { slug, id });

    public string Routes(string slug) => Page("/Manage/Partnerships/Routes/Index", new { slug });

    public string NewRoute(string slug) => Page("/Manage/Partnerships/Routes/New", new { slug });

    public string EditRoute(string slug, int id) => Page("/Manage/Partnerships/Routes/Edit", new { slug, id });

    public string Tsis(string slug) => Page("/Manage/Partnerships/Tsis/Index", new { slug });

    public string EditTsi(string slug, int areaId) => Page("/Manage/Partnerships/Tsis/Edit", new { slug, areaId });

    public string Documents(string slug) => Page("/Manage/Partnerships/Documents/Index", new { slug });

    public string Plans(string slug) => Page("/Manage/Partnerships/Plans/Index", new { slug });

    public string NewPlan(string slug) => Page("/Manage/Partnerships/Plans/New", new { slug });

    public string EditPlan(string slug, int id) => Page("/Manage/Partnerships/Plans/Edit", new { slug, id });

    public string PublishPlan(string slug, int id) => Page("/Manage/Partnerships/Plans/Publish", new { slug, id });

    public string DeletePlan(string slug, int id) => Page("/Manage/Partnerships/Plans/Delete", new { slug, id });

    public string PlanStatement(string slug, int id) => Page("/Manage/Partnerships/Plans/Statement", new { slug, id });
    public string Returns(string slug) => Page("/Manage/Partnerships/Returns/Index", new { slug });

    public string Return(string slug, int year) => Page("/Manage/Partnerships/Returns/Edit", new { slug, year });

    public string Review(string slug) => Page("/Manage/Partnerships/Review", new { slug });

    public string Reviewed(string slug) => Page("/Manage/Partnerships/Reviewed", new { slug });
    /// <summary>The problem report queue; <paramref name="status"/> "resolved" or "all" (open reports by default).</summary>
    public string Problems(string? status = null, int? pageNumber = null) =>
        Paged(status is null ? Page("/Manage/Problems/Index") : Page("/Manage/Problems/Index", new { status }), pageNumber);

    public string Problem(int id) => Page("/Manage/Problems/Show", new { id });
    public string Updates(string slug) => Page("/Manage/Partnerships/Updates/Index", new { slug });

    public string NewUpdate(string slug) => Page("/Manage/Partnerships/Updates/New", new { slug });

    public string EditUpdate(string slug, int id) => Page("/Manage/Partnerships/Updates/Edit", new { slug, id });

    public string PreviewUpdate(string slug, int id) => Page("/Manage/Partnerships/Updates/Preview", new { slug, id });

    public string DeleteUpdate(string slug, int id) => Page("/Manage/Partnerships/Updates/Delete", new { slug, id });

    public string History(string slug, int? pageNumber = null) => Paged(Page("/Manage/Partnerships/History", new { slug }), pageNumber);
}
