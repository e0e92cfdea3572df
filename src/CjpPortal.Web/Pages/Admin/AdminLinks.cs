using CjpPortal.Core.Email;
using CjpPortal.Web.Infrastructure;

namespace CjpPortal.Web.Pages.Admin;

/// <summary>Links to the administrators' pages under /admin.</summary>
public sealed class AdminLinks(LinkGenerator generator) : PageLinks(generator)
{
    public string Home() => Page("/Admin/Index");

    public string Staff(int? pageNumber = null) => Paged(Page("/Admin/Staff/Index"), pageNumber);

    public string InviteStaff() => Page("/Admin/Staff/Invite");

    public string StaffMember(Guid id) => Page("/Admin/Staff/Show", new { id });

    public string RemoveStaff(Guid id) => Page("/Admin/Staff/Remove", new { id });

    /// <summary>The outbox, all messages or those in one state.</summary>
    public string Outbox(OutboxEmailStatus? status = null, int? pageNumber = null) =>
        Paged(Page("/Admin/Outbox/Index", status is { } only ? new { status = only.ToString() } : null), pageNumber);

    public string CancelMessage(long id) => Page("/Admin/Outbox/Cancel", new { id });

    public string Suppressions(int? pageNumber = null) => Paged(Page("/Admin/Outbox/Suppressions"), pageNumber);

    public string RemoveSuppression(long id) => Page("/Admin/Outbox/RemoveSuppression", new { id });
}
