using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CjpPortal.Web.Pages.Admin;

/// <summary>Administrators' start page.</summary>
public class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
