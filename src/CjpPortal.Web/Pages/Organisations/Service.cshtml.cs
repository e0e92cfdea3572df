using System.ComponentModel.DataAnnotations;
using CjpPortal.Core;
using CjpPortal.Core.Organisations;
using CjpPortal.Core.Rules;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Organisations;

/// <summary>The owner adds (no <c>serviceId</c>), changes or removes a service through the listing's signed edit link.
/// A service is offered in the council areas chosen here, which may be fewer than the organisation's.</summary>
[AllowAnonymous]
public class ServiceModel(AppDbContext db, OrganisationLinks organisationLinks, OrganisationListings listings, PortalLinks links, PublicCache cache) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public int Id { get; private set; }

    public int? ServiceId { get; private set; }

    public string OrganisationName { get; private set; } = string.Empty;

    [BindProperty]
    [Required(ErrorMessage = "Enter the service's name")]
    [StringLength(OrganisationService.NameMaxLength, ErrorMessage = "The name must be {1} characters or fewer")]
    public string? Name { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter a description of the service")]
    [StringLength(OrganisationService.DescriptionMaxLength, ErrorMessage = "The description must be {1} characters or fewer")]
    public string? Description { get; set; }

    [BindProperty]
    [StringLength(OrganisationService.WhoItIsForMaxLength, ErrorMessage = "Who it is for must be {1} characters or fewer")]
    public string? WhoItIsFor { get; set; }

    [BindProperty]
    [StringLength(OrganisationService.HowToAccessMaxLength, ErrorMessage = "How to refer or get in touch must be {1} characters or fewer")]
    public string? HowToAccess { get; set; }

    [BindProperty]
    [StringLength(OrganisationService.EmailMaxLength, ErrorMessage = EmailAddress.FormatMessage)]
    [PlainEmail]
    public string? Email { get; set; }

    [BindProperty]
    [StringLength(OrganisationService.PhoneMaxLength, ErrorMessage = UkPhoneAttribute.Message)]
    [UkPhone]
    public string? Phone { get; set; }

    [BindProperty]
    [WebAddress(MaxLength = OrganisationService.WebsiteMaxLength)]
    public string? Website { get; set; }

    [BindProperty]
    public List<string> Themes { get; set; } = [];

    [BindProperty]
    public bool AllOfScotland { get; set; }

    [BindProperty]
    public List<int> AreaIds { get; set; } = [];

    public IReadOnlyList<SelectListItem> AreaItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int? serviceId, CancellationToken cancellationToken)
    {
        var (organisation, service) = await FindAsync(id, serviceId, cancellationToken);
        if (organisation is null || (serviceId is not null && service is null))
        {
            return OwnerPages.LinkNotWorking(this);
        }

        if (service is not null)
        {
            Name = service.Name;
            Description = service.Description;
            WhoItIsFor = service.WhoItIsFor;
            HowToAccess = service.HowToAccess;
            Email = service.Email;
            Phone = service.Phone;
            Website = service.Website;
            Themes = [.. service.Themes.Select(Core.Organisations.Themes.SlugOf)];
            AllOfScotland = service.CoversAllOfScotland;
            AreaIds = [.. service.Areas.Select(a => a.CouncilAreaId)];
        }
        else
        {
            Themes = [.. organisation.Themes.Select(Core.Organisations.Themes.SlugOf)];
            AllOfScotland = organisation.CoversAllOfScotland;
            AreaIds = [.. organisation.Areas.Select(a => a.CouncilAreaId)];
        }

        await LoadChoicesAsync(organisation, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? serviceId, CancellationToken cancellationToken)
    {
        var (organisation, service) = await FindAsync(id, serviceId, cancellationToken);
        if (organisation is null || (serviceId is not null && service is null))
        {
            return OwnerPages.LinkNotWorking(this);
        }

        Email = EmailAddress.Normalise(Email);
        AreaIds = await OrganisationFormModel.ValidateThemesAndAreasAsync(db, ModelState, Themes, AllOfScotland, AreaIds,
            "Choose the council areas the service is offered in, or all of Scotland", cancellationToken);

        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(organisation, cancellationToken);
            return FormPages.Invalid(this);
        }

        if (service is null)
        {
            service = new OrganisationService { Name = Name!, Description = Description!, DisplayOrder = organisation.Services.Select(s => s.DisplayOrder).DefaultIfEmpty().Max() + 1 };
            organisation.Services.Add(service);
        }

        service.Name = Name!;
        service.Description = Description!;
        service.WhoItIsFor = WhoItIsFor;
        service.HowToAccess = HowToAccess;
        service.Email = Email;
        service.Phone = Phone;
        service.Website = Website;
        service.Themes = [.. Themes.Select(t => Core.Organisations.Themes.BySlug(t)!.Theme).Distinct().Order()];
        service.CoversAllOfScotland = AllOfScotland;
        var wanted = AreaIds.ToHashSet();
        service.Areas.RemoveAll(a => !wanted.Contains(a.CouncilAreaId));
        foreach (var areaId in wanted.Where(a => service.Areas.All(x => x.CouncilAreaId != a)))
        {
            service.Areas.Add(new OrganisationServiceArea { CouncilAreaId = areaId });
        }

        return await SaveAsync(organisation, $"“{service.Name}” has been saved.", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int serviceId, CancellationToken cancellationToken)
    {
        var (organisation, service) = await FindAsync(id, serviceId, cancellationToken);
        if (organisation is null || service is null)
        {
            return OwnerPages.LinkNotWorking(this);
        }

        organisation.Services.Remove(service);
        db.OrganisationServices.Remove(service);
        return await SaveAsync(organisation, $"“{service.Name}” has been removed.", cancellationToken);
    }

    private async Task<IActionResult> SaveAsync(Organisation organisation, string banner, CancellationToken cancellationToken)
    {
        var wasPublished = organisation.IsPublished;
        await listings.SaveOwnerEditAsync(organisation, links.BaseUri(Request), cancellationToken);
        if (wasPublished)
        {
            await cache.EvictAsync(cancellationToken);
        }

        TempData[FormPages.BannerKey] = banner;
        return Redirect(OwnerPages.EditPath(organisation.Id, Token));
    }

    private async Task<(Organisation? Organisation, OrganisationService? Service)> FindAsync(int id, int? serviceId, CancellationToken cancellationToken)
    {
        Id = id;
        ServiceId = serviceId;
        var organisation = await OwnerPages.FindEditableAsync(db, organisationLinks, id, Token, cancellationToken);
        OrganisationName = organisation?.Name ?? string.Empty;
        return (organisation, serviceId is { } s ? organisation?.Services.SingleOrDefault(x => x.Id == s) : null);
    }

    private async Task LoadChoicesAsync(Organisation organisation, CancellationToken cancellationToken)
    {
        // A service is offered where its organisation works.
        var query = db.CouncilAreas.AsNoTracking();
        if (!organisation.CoversAllOfScotland)
        {
            var ids = organisation.Areas.Select(a => a.CouncilAreaId).ToList();
            query = query.Where(a => ids.Contains(a.Id));
        }

        AreaItems = await query.OrderBy(a => a.Name).Select(a => new SelectListItem(a.Name, a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToListAsync(cancellationToken);
    }
}
