using CjpPortal.Core;
using CjpPortal.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Manage;

/// <summary>A coordinator's dashboard: the partnerships they look after. The folder's Coordinator policy (with two-factor
/// sign-in) guards it.</summary>
public class IndexModel(AppDbContext db, UserManager<ApplicationUser> userManager) : PageModel
{
    public sealed record PartnershipItem(string Name, string Slug, DateOnly? LastConfirmedOn);

    public IReadOnlyList<PartnershipItem> Partnerships { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(userManager.GetUserId(User), out var userId))
        {
            return Challenge();
        }

        Partnerships = await db.PartnershipCoordinators.AsNoTracking()
            .Where(pc => pc.UserId == userId)
            .OrderBy(pc => pc.Partnership!.Name)
            .Select(pc => new PartnershipItem(pc.Partnership!.Name, pc.Partnership.Slug, pc.Partnership.LastConfirmedOn))
            .ToListAsync(cancellationToken);
        return Page();
    }
}
