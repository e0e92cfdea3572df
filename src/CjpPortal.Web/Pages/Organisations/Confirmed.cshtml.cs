using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CjpPortal.Web.Pages.Organisations;

/// <summary>After the contact e-mail is verified.</summary>
[AllowAnonymous]
public class ConfirmedModel : PageModel;
