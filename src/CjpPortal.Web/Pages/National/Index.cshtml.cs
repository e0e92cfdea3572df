using CjpPortal.Core;
using CjpPortal.Core.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.National;

/// <summary>CJS staff's start page: coordinators and partnerships, with counts that show where work is waiting.</summary>
public class IndexModel(AppDbContext db, AccountAdministration accounts) : PageModel
{
    public int CoordinatorCount { get; private set; }
    public int PartnershipCount { get; private set; }
    public int PartnershipsWithoutCoordinator { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CoordinatorCount = await accounts.CountAsync(Coordinators.IndexModel.CoordinatorRole, cancellationToken);
        PartnershipCount = await db.Partnerships.CountAsync(cancellationToken);
        PartnershipsWithoutCoordinator = await db.Partnerships
            .CountAsync(p => !db.PartnershipCoordinators.Any(pc => pc.PartnershipId == p.Id), cancellationToken);
    }
}
