using CjpPortal.Core.Refresh;
using CjpPortal.Core.Rules;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Queries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CjpPortal.Web.Pages.National.Refresh;

/// <summary>/national/refresh/edition: "publish the {year} edition of the directory table", after a confirmation
/// page. One edition a year: publishing again is refused with a message (HTTP 400).</summary>
public class EditionModel(DirectoryEditions editions, IOptions<RefreshOptions> options, TimeProvider clock, PortalLinks portal, NationalLinks links) : PageModel
{
    public int Year { get; private set; }

    public bool AlreadyPublished { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Year = CurrentYear();
        AlreadyPublished = await editions.ExistsAsync(Year, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Year = CurrentYear();
        if (!await editions.PublishAsync(Year, FormPages.Actor(User), portal.BaseUri(Request), cancellationToken))
        {
            AlreadyPublished = true;
            ModelState.AddModelError(string.Empty, DirectoryEditions.AlreadyPublishedMessage(Year));
            return FormPages.Invalid(this);
        }

        TempData[FormPages.BannerKey] = $"The {Year} edition of the directory table is published.";
        return LocalRedirect(links.Refresh());
    }

    private int CurrentYear() => new RefreshCalendar(options.Value).YearOn(ScottishTime.Today(clock));
}
