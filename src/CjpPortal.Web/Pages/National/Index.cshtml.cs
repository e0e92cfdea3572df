using CjpPortal.Core;
using CjpPortal.Core.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.National;

/// <summary>CJS staff's start page: coordinators and partnerships, with counts that show where work is waiting.</summary>
public class IndexModel(AppDbContext db) : PageModel
{
    public int CoordinatorCount { get; private set; }
    public int PartnershipCount { get; private set; }
    public int PartnershipsWithoutCoordinator { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CoordinatorCount = await db.UserRoles.CountAsync(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Coordinator), cancellationToken);
        PartnershipCount = await db.Partnerships.CountAsync(cancellationToken);
        PartnershipsWithoutCoordinator = await db.Partnerships
            .CountAsync(p => !db.PartnershipCoordinators.Any(pc => pc.PartnershipId == p.Id), cancellationToken);
    }
}
