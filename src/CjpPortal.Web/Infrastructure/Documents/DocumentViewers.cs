using System.Security.Claims;
using CjpPortal.Core;
using CjpPortal.Core.Documents;
using CjpPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CjpPortal.Web.Infrastructure.Documents;

/// <summary>The signed-in user as <see cref="DocumentVisibility"/> sees them, by the portal's own policies: national
/// access is the <see cref="AuthorizationPolicies.CjsStaff"/> policy (CJS staff and administrators, both factors);
/// a coordinator (both factors) counts for the partnerships they are assigned to.</summary>
public sealed class DocumentViewers(IAuthorizationService authorization, AppDbContext db, IOptions<IdentityOptions> identityOptions)
{
    /// <summary>The viewer, with only <paramref name="partnershipId"/> looked up among the partnerships they coordinate.</summary>
    public async Task<DocumentViewer> ForAsync(ClaimsPrincipal user, int partnershipId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true)
        {
            return DocumentViewer.Anonymous;
        }

        if ((await authorization.AuthorizeAsync(user, AuthorizationPolicies.CjsStaff)).Succeeded)
        {
            return new DocumentViewer(true, new HashSet<int>());
        }

        var userIdClaim = user.FindFirstValue(identityOptions.Value.ClaimsIdentity.UserIdClaimType);
        if (!Guid.TryParse(userIdClaim, out var userId) || !(await authorization.AuthorizeAsync(user, AuthorizationPolicies.Coordinator)).Succeeded)
        {
            return DocumentViewer.Anonymous;
        }

        var assigned = await db.PartnershipCoordinators.AsNoTracking()
            .AnyAsync(pc => pc.UserId == userId && pc.PartnershipId == partnershipId, ct);
        return assigned ? new DocumentViewer(false, new HashSet<int> { partnershipId }) : DocumentViewer.Anonymous;
    }
}
