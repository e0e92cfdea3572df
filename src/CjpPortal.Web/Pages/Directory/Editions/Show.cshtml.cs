using CjpPortal.Web.Queries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CjpPortal.Web.Pages.Directory.Editions;

/// <summary>/directory/editions/{year}: one frozen edition, what changed since the previous one marked in words per
/// row and per cell; printable like the live table.</summary>
[AllowAnonymous]
public class ShowModel(DirectoryEditions editions) : PageModel
{
    public EditionView Edition { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        if (await editions.FindAsync(year, cancellationToken) is not { } edition)
        {
            return NotFound();
        }

        Edition = edition;
        return Page();
    }
}
