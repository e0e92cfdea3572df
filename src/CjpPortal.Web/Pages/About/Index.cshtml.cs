using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CjpPortal.Web.Pages.About;

[AllowAnonymous]
[OutputCache(PolicyName = PublicCache.PolicyName)]
public class IndexModel : PageModel
{
}
