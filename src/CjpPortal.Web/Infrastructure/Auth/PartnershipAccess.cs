using System.Security.Claims;
using CjpPortal.Core;
using CjpPortal.Core.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CjpPortal.Web.Infrastructure.Auth;

/// <summary>The partnership named by the <c>{slug}</c> in the URL may be edited by the user: a coordinator assigned
/// to it, or CJS staff and administrators for any partnership.</summary>
public sealed class PartnershipAccessRequirement : IAuthorizationRequirement
{
    public const string RouteValue = "slug";
}

public sealed class PartnershipAccessHandler(IHttpContextAccessor httpContextAccessor, AppDbContext db, IOptions<IdentityOptions> identityOptions)
    : AuthorizationHandler<PartnershipAccessRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PartnershipAccessRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.IsInRole(Roles.CjsStaff) || context.User.IsInRole(Roles.Administrator))
        {
            context.Succeed(requirement);
            return;
        }

        var slug = httpContextAccessor.HttpContext?.GetRouteValue(PartnershipAccessRequirement.RouteValue) as string;
        var userIdClaim = context.User.FindFirstValue(identityOptions.Value.ClaimsIdentity.UserIdClaimType);
        if (!context.User.IsInRole(Roles.Coordinator) || string.IsNullOrEmpty(slug) || !Guid.TryParse(userIdClaim, out var userId))
        {
            return;
        }

        var assigned = await db.PartnershipCoordinators.AsNoTracking()
            .AnyAsync(pc => pc.UserId == userId && pc.Partnership!.Slug == slug);
        if (assigned)
        {
            context.Succeed(requirement);
        }
    }
}
