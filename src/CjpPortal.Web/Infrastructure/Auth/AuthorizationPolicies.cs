using CjpPortal.Core.Identity;
using Microsoft.AspNetCore.Authorization;

namespace CjpPortal.Web.Infrastructure.Auth;

/// <summary>The portal's named policies. Each needs a sign-in completed with a second factor (the "amr" claim that
/// Identity adds after an authenticator or recovery code), so no editing page opens on a password alone.</summary>
public static class AuthorizationPolicies
{
    public const string Coordinator = nameof(Coordinator);
    public const string CjsStaff = nameof(CjsStaff);
    public const string Administrator = nameof(Administrator);

    /// <summary>Editing one partnership's pages (the <c>{slug}</c> in the URL): its coordinators, CJS staff, administrators.</summary>
    public const string PartnershipEditor = nameof(PartnershipEditor);

    /// <summary>The moderation of organisations' listings (<c>/manage/organisations</c>): coordinators, CJS staff and
    /// administrators; which listings a coordinator may decide on is checked per listing (its council areas).</summary>
    public const string OrganisationModerator = nameof(OrganisationModerator);

    /// <summary>A person's own account settings (password, recovery codes, authenticator app): anyone signed in with
    /// both factors, whatever their role.</summary>
    public const string AccountHolder = nameof(AccountHolder);

    /// <summary>The queue of problem reports (/manage/problems): coordinators see their own partnerships' reports,
    /// CJS staff and administrators every report; the pages narrow it by partnership.</summary>
    public const string ProblemQueue = nameof(ProblemQueue);

    /// <summary>The claim Identity adds when the second factor was used at sign-in.</summary>
    public const string AuthenticationMethodClaim = "amr";
    public const string MultiFactorMethod = "mfa";

    public static void Add(AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder
            .AddPolicy(Coordinator, policy => TwoFactor(policy).RequireRole(Roles.Coordinator))
            // Administrators manage CJS staff, so they can do what CJS staff do.
            .AddPolicy(CjsStaff, policy => TwoFactor(policy).RequireRole(Roles.CjsStaff, Roles.Administrator))
            .AddPolicy(Administrator, policy => TwoFactor(policy).RequireRole(Roles.Administrator))
            .AddPolicy(PartnershipEditor, policy => TwoFactor(policy)
                .RequireRole(Roles.Coordinator, Roles.CjsStaff, Roles.Administrator)
                .AddRequirements(new PartnershipAccessRequirement()))
            .AddPolicy(OrganisationModerator, policy => TwoFactor(policy).RequireRole(Roles.Coordinator, Roles.CjsStaff, Roles.Administrator))
            .AddPolicy(ProblemQueue, policy => TwoFactor(policy).RequireRole(Roles.Coordinator, Roles.CjsStaff, Roles.Administrator))
            .AddPolicy(AccountHolder, policy => TwoFactor(policy));
    }

    private static AuthorizationPolicyBuilder TwoFactor(AuthorizationPolicyBuilder policy) =>
        policy.RequireAuthenticatedUser().RequireClaim(AuthenticationMethodClaim, MultiFactorMethod);
}
