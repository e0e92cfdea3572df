using System.ComponentModel.DataAnnotations;
using CjpPortal.Core;
using CjpPortal.Core.Configurations;
using CjpPortal.Core.Domain;
using CjpPortal.Core.Organisations;
using CjpPortal.Core.Rules;
using CjpPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CjpPortal.Web.Pages.Organisations;

/// <summary>An organisation's own fields, shared by the add page and the owner's edit page: binding, the checks the
/// attributes cannot make (charity number, themes, areas, duplicates) and applying them to the entity.</summary>
public abstract class OrganisationFormModel(AppDbContext db) : PageModel
{
    public const string DuplicateMessage = "This organisation is already listed";

    protected AppDbContext Db => db;

    [BindProperty]
    [Required(ErrorMessage = "Enter the organisation's name")]
    [StringLength(Organisation.NameMaxLength, ErrorMessage = "The name must be {1} characters or fewer")]
    public string? Name { get; set; }

    [BindProperty]
    [StringLength(20, ErrorMessage = CharityNumberMessage)]
    public string? CharityNumber { get; set; }

    public const string CharityNumberMessage = "Enter a Scottish charity number as SC followed by 6 digits, like SC012345";

    [BindProperty]
    [WebAddress(MaxLength = Organisation.WebsiteMaxLength)]
    public string? Website { get; set; }

    [BindProperty]
    [StringLength(Organisation.EmailMaxLength, ErrorMessage = EmailAddress.FormatMessage)]
    [PlainEmail]
    public string? PublicEmail { get; set; }

    [BindProperty]
    [StringLength(Organisation.PhoneMaxLength, ErrorMessage = UkPhoneAttribute.Message)]
    [UkPhone]
    public string? Phone { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter a short description of what the organisation does")]
    [StringLength(Organisation.DescriptionMaxLength, ErrorMessage = "The description must be {1} characters or fewer")]
    public string? Description { get; set; }

    [BindProperty]
    public List<string> Themes { get; set; } = [];

    [BindProperty]
    public bool AllOfScotland { get; set; }

    [BindProperty]
    public List<int> AreaIds { get; set; } = [];

    [BindProperty]
    public List<int> RouteKinds { get; set; } = [];

    public IReadOnlyList<SelectListItem> AreaItems { get; private set; } = [];

    /// <summary>The listing this one would duplicate, shown instead of adding a second.</summary>
    public (int Id, string Name, bool Published)? Existing { get; protected set; }

    public static IEnumerable<SelectListItem> ThemeItems => Core.Organisations.Themes.All.Select(t => new SelectListItem(t.Name, t.Slug));

    public static IEnumerable<SelectListItem> RouteKindItems => Enum.GetValues<EngagementRouteKind>()
        .Select(k => new SelectListItem(Labels.Of(k), ((int)k).ToString(System.Globalization.CultureInfo.InvariantCulture)));

    protected async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        AreaItems = await db.CouncilAreas.AsNoTracking().OrderBy(a => a.Name)
            .Select(a => new SelectListItem(a.Name, a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToListAsync(cancellationToken);
    }

    protected void Fill(Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        Name = organisation.Name;
        CharityNumber = organisation.CharityNumber;
        Website = organisation.Website;
        PublicEmail = organisation.PublicEmail;
        Phone = organisation.Phone;
        Description = organisation.Description;
        Themes = [.. organisation.Themes.Select(Core.Organisations.Themes.SlugOf)];
        AllOfScotland = organisation.CoversAllOfScotland;
        AreaIds = [.. organisation.Areas.Select(a => a.CouncilAreaId)];
        RouteKinds = [.. organisation.RouteKinds.Select(k => (int)k)];
    }

    /// <summary>The checks beyond the attributes, and the duplicate check against other listings (not
    /// <paramref name="organisationId"/>): the same charity number, or the same name (ignoring case) in a shared area.</summary>
    protected async Task ValidateAsync(int? organisationId, CancellationToken cancellationToken)
    {
        CharityNumber = CharityNumbers.Normalise(CharityNumber);
        PublicEmail = EmailAddress.Normalise(PublicEmail);
        if (CharityNumber is not null && ModelState.GetFieldValidationState(nameof(CharityNumber)) != ModelValidationState.Invalid
            && !CharityNumbers.IsValid(CharityNumber))
        {
            ModelState.AddModelError(nameof(CharityNumber), CharityNumberMessage);
        }

        if (Themes.Count == 0)
        {
            ModelState.AddModelError(nameof(Themes), "Choose at least one thing the organisation does");
        }

        if (RouteKinds.Any(k => !Enum.IsDefined((EngagementRouteKind)k)))
        {
            ModelState.AddModelError(nameof(RouteKinds), "Choose kinds of route from the list");
        }

        AreaIds = await ValidateThemesAndAreasAsync(db, ModelState, Themes, AllOfScotland, AreaIds,
            "Choose the council areas the organisation works in, or all of Scotland", cancellationToken);

        if (!ModelState.IsValid)
        {
            return;
        }

        var name = Name!;
        var areaIds = AreaIds.Distinct().ToList();
        var allOfScotland = AllOfScotland;
        var duplicate = await db.Organisations.AsNoTracking()
            .Where(o => o.Id != organisationId && o.Status != OrganisationStatus.Rejected)
            .Where(o => (CharityNumber != null && o.CharityNumber == CharityNumber)
                || (EF.Functions.Collate(o.Name, Collations.CaseInsensitive) == name
                    && (allOfScotland || o.CoversAllOfScotland || o.Areas.Any(a => areaIds.Contains(a.CouncilAreaId)))))
            .OrderBy(o => o.Id)
            .Select(o => new { o.Id, o.Name, o.Status, SameNumber = CharityNumber != null && o.CharityNumber == CharityNumber })
            .FirstOrDefaultAsync(cancellationToken);
        if (duplicate is not null)
        {
            Existing = (duplicate.Id, duplicate.Name, duplicate.Status == OrganisationStatus.Published);
            ModelState.AddModelError(duplicate.SameNumber ? nameof(CharityNumber) : nameof(Name),
                duplicate.SameNumber ? $"{DuplicateMessage} with this charity number" : $"{DuplicateMessage} in one of these areas");
        }
    }

    /// <summary>The checks the listing and service forms share: theme slugs from the list, and council areas from the
    /// list unless all of Scotland (then none are kept). Returns the area ids to keep.</summary>
    public static async Task<List<int>> ValidateThemesAndAreasAsync(AppDbContext db, ModelStateDictionary modelState, IReadOnlyCollection<string> themes,
        bool allOfScotland, List<int> areaIds, string noAreasMessage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(themes);
        ArgumentNullException.ThrowIfNull(areaIds);
        if (themes.Any(t => Core.Organisations.Themes.BySlug(t) is null))
        {
            modelState.AddModelError(nameof(Themes), "Choose themes from the list");
        }

        if (allOfScotland)
        {
            return [];
        }

        if (areaIds.Count == 0)
        {
            modelState.AddModelError(nameof(AreaIds), noAreasMessage);
        }
        else if (areaIds.Distinct().Count() != await db.CouncilAreas.CountAsync(a => areaIds.Contains(a.Id), cancellationToken))
        {
            modelState.AddModelError(nameof(AreaIds), "Choose council areas from the list");
        }

        return areaIds;
    }

    /// <summary>Whether a save failed on the unique charity number (a listing added between the check and the save);
    /// if so the error is shown on the field.</summary>
    protected bool RefusedForCharityNumber(DbUpdateException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception.InnerException is not PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: OrganisationConfiguration.CharityNumberIndex })
        {
            return false;
        }

        ModelState.AddModelError(nameof(CharityNumber), $"{DuplicateMessage} with this charity number");
        return true;
    }

    /// <summary>Copies the validated fields onto <paramref name="organisation"/>; its areas are replaced.</summary>
    protected void Apply(Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        organisation.Name = Name!;
        organisation.CharityNumber = CharityNumber;
        organisation.Website = Website;
        organisation.PublicEmail = PublicEmail;
        organisation.Phone = Phone;
        organisation.Description = Description!;
        organisation.Themes = [.. Themes.Select(t => Core.Organisations.Themes.BySlug(t)!.Theme).Distinct().Order()];
        organisation.RouteKinds = [.. RouteKinds.Distinct().Order().Select(k => (EngagementRouteKind)k)];
        organisation.CoversAllOfScotland = AllOfScotland;
        var wanted = AreaIds.Distinct().ToHashSet();
        organisation.Areas.RemoveAll(a => !wanted.Contains(a.CouncilAreaId));
        foreach (var id in wanted.Where(id => organisation.Areas.All(a => a.CouncilAreaId != id)))
        {
            organisation.Areas.Add(new OrganisationArea { CouncilAreaId = id });
        }
    }
}
