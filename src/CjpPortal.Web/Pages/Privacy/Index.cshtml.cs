using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace CjpPortal.Web.Pages.Privacy;

[AllowAnonymous]
[OutputCache(PolicyName = PublicCache.PolicyName)]
public class IndexModel(IOptions<PortalOptions> options) : PageModel
{
    public string ContactEmail { get; } = options.Value.ContactEmail;
}
