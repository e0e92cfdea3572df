using CjpPortal.Core;
using CjpPortal.Core.Email;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Admin.Outbox;

/// <summary>Asks for confirmation, then cancels a queued message so it is never sent.</summary>
public class CancelModel(AppDbContext db, OutboxAdministration outbox, AdminLinks links) : PageModel
{
    public IndexModel.OutboxRow Message { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!await outbox.CancelAsync(id, FormPages.Actor(User), cancellationToken))
        {
            ModelState.AddModelError(string.Empty, "This message can no longer be cancelled: it is being sent or has been sent");
            return FormPages.Invalid(this, StatusCodes.Status409Conflict);
        }

        TempData[FormPages.BannerKey] = $"Message {id} to {Message.To} has been cancelled and will not be sent.";
        return LocalRedirect(links.Outbox(OutboxEmailStatus.Cancelled));
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var message = await db.EmailOutbox.AsNoTracking().Where(e => e.Id == id)
            .Select(IndexModel.ToRow)
            .SingleOrDefaultAsync(cancellationToken);
        if (message is null)
        {
            return false;
        }

        Message = message;
        return true;
    }
}
