using CjpPortal.Core;
using CjpPortal.Core.Email;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Admin.Outbox;

/// <summary>Asks for confirmation, then takes an address off the suppression list, so mail to it is sent again.</summary>
public class RemoveSuppressionModel(AppDbContext db, OutboxAdministration outbox, AdminLinks links) : PageModel
{
    public SuppressionsModel.SuppressionRow Suppression { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || !await outbox.RemoveSuppressionAsync(id, cancellationToken))
        {
            return NotFound();
        }

        TempData[FormPages.BannerKey] = $"The address {Suppression.AddressHash[..12]}… has been removed from the suppression list.";
        return LocalRedirect(links.Suppressions());
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var row = await db.SuppressedAddresses.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new SuppressionsModel.SuppressionRow(s.Id, s.AddressHash, s.Reason, s.CreatedAt))
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return false;
        }

        Suppression = row;
        return true;
    }
}
