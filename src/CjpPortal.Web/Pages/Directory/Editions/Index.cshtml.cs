using CjpPortal.Web.Queries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CjpPortal.Web.Pages.Directory.Editions;

/// <summary>/directory/editions: the yearly editions of the directory table, newest first.</summary>
[AllowAnonymous]
public class IndexModel(DirectoryEditions editions) : PageModel
{
    public IReadOnlyList<EditionSummary> Editions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Editions = await editions.ListAsync(cancellationToken);
}
