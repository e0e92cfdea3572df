using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CjpPortal.Web.Pages.Organisations;

/// <summary>After adding a listing (or a honeypot hit, which must look the same).</summary>
[AllowAnonymous]
public class SentModel : PageModel;
