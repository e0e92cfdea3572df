using Microsoft.AspNetCore.Identity;

namespace CjpPortal.Core.Identity;

/// <summary>A person with an account: a coordinator, a member of CJS staff or an administrator. Accounts exist only
/// by invitation; there is no public sign-up.</summary>
public class ApplicationUser : IdentityUser<Guid>
{
    public List<PartnershipCoordinator> Partnerships { get; set; } = [];
}
