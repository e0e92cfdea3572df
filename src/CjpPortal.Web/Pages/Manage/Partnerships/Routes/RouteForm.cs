using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CjpPortal.Core;
using CjpPortal.Core.Audit;
using CjpPortal.Core.Configurations;
using CjpPortal.Core.Domain;
using CjpPortal.Core.Rules;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CjpPortal.Web.Pages.Manage.Partnerships.Routes;

/// <summary>The fields of an engagement route, shared by the add and edit pages: binding, validation and saving.</summary>
public abstract class RouteFormModel(AppDbContext db, TimeProvider clock, PublicCache cache, ManageLinks links) : PartnershipFormModel(db, links)
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int HowToJoinMaxLength = 2000;
    public const int ContactNameMaxLength = 200;
    public const int MeetingFrequencyMaxLength = 200;

    [BindProperty]
    public int Kind { get; set; } = (int)EngagementRouteKind.LocalForum;

    [BindProperty]
    public int? RepresentationKind { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter a title")]
    [StringLength(TitleMaxLength, ErrorMessage = "The title must be {1} characters or fewer")]
    public string? Title { get; set; }

    [BindProperty]
    [StringLength(DescriptionMaxLength, ErrorMessage = "The description must be {1} characters or fewer")]
    public string? Description { get; set; }

    [BindProperty]
    [StringLength(HowToJoinMaxLength, ErrorMessage = "How to join must be {1} characters or fewer")]
    public string? HowToJoin { get; set; }

    [BindProperty]
    [StringLength(ContactNameMaxLength, ErrorMessage = "The contact name must be {1} characters or fewer")]
    public string? ContactName { get; set; }

    [BindProperty]
    [PlainEmail]
    public string? ContactEmail { get; set; }

    [BindProperty]
    [StringLength(MeetingFrequencyMaxLength, ErrorMessage = "Meeting frequency must be {1} characters or fewer")]
    public string? MeetingFrequency { get; set; }

    [BindProperty]
    public int? Format { get; set; }

    public static IEnumerable<SelectListItem> Kinds => Items<EngagementRouteKind>(Labels.Of);

    public static IEnumerable<SelectListItem> RepresentationKinds => Items<BoardRepresentationKind>(Labels.Of);

    public static IEnumerable<SelectListItem> Formats => Items<MeetingFormat>(Labels.Of);

    protected void Fill(EngagementRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        Kind = (int)route.Kind;
        RepresentationKind = (int?)route.RepresentationKind;
        Title = route.Title;
        Description = route.Description;
        HowToJoin = route.HowToJoin;
        ContactName = route.ContactName;
        ContactEmail = route.ContactEmail;
        MeetingFrequency = route.MeetingFrequency;
        Format = (int?)route.Format;
        Version = Db.VersionOf(route);
    }

    /// <summary>Checks what the attributes cannot: the choices against their lists and the title's uniqueness
    /// against the other routes.</summary>
    protected async Task ValidateAsync(int? routeId, CancellationToken cancellationToken)
    {
        ContactEmail = EmailAddress.Normalise(ContactEmail);
        if (Kind != (int)EngagementRouteKind.BoardRepresentation)
        {
            RepresentationKind = null;
        }

        if (!Enum.IsDefined((EngagementRouteKind)Kind))
        {
            ModelState.AddModelError(nameof(Kind), "Choose the kind of engagement route");
        }

        if (RepresentationKind is { } representation && !Enum.IsDefined((BoardRepresentationKind)representation))
        {
            ModelState.AddModelError(nameof(RepresentationKind), "Choose how the third sector is represented");
        }

        if (Format is { } format && !Enum.IsDefined((MeetingFormat)format))
        {
            ModelState.AddModelError(nameof(Format), "Choose how meetings are held");
        }

        if (ModelState.GetFieldValidationState(nameof(Title)) != ModelValidationState.Invalid
            && await Db.EngagementRoutes.AnyAsync(r => r.PartnershipId == PartnershipId && r.Title == Title && r.Id != routeId, cancellationToken))
        {
            AddDuplicateTitleError();
        }
    }

    protected void Apply(EngagementRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        route.Kind = (EngagementRouteKind)Kind;
        route.RepresentationKind = (BoardRepresentationKind?)RepresentationKind;
        route.Title = Title!;
        route.Description = Description;
        route.HowToJoin = HowToJoin;
        route.ContactName = ContactName;
        route.ContactEmail = ContactEmail;
        route.MeetingFrequency = MeetingFrequency;
        route.Format = (MeetingFormat?)Format;
    }

    /// <summary>Saves with history; false (with the error on the Title field) when another route took the title
    /// between the check and the save.</summary>
    protected async Task<bool> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Db.SaveChangesAuditedAsync(FormPages.Actor(User), clock, cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: ConstraintNames.EngagementRouteTitle })
        {
            AddDuplicateTitleError();
            return false;
        }

        await PartnershipPages.PublishedAsync(cache, cancellationToken);
        return true;
    }

    /// <summary>Lists where the stored route differs from this form and refills the form's version.</summary>
    protected IActionResult RefuseStale(EngagementRoute current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var conflicts = new ConflictList();

        conflicts.Compare("Kind", Labels.Of(current.Kind), Enum.IsDefined((EngagementRouteKind)Kind) ? Labels.Of((EngagementRouteKind)Kind) : null);
        conflicts.Compare("Title", current.Title, Title);
        conflicts.Compare("Description", current.Description, Description);
        conflicts.Compare("How to join", current.HowToJoin, HowToJoin);
        conflicts.Compare("Contact name", current.ContactName, ContactName);
        conflicts.Compare("Contact email", current.ContactEmail, ContactEmail);
        conflicts.Compare("Meeting frequency", current.MeetingFrequency, MeetingFrequency);
        conflicts.Compare("Format", current.Format is { } f ? Labels.Of(f) : null, Format is { } g && Enum.IsDefined((MeetingFormat)g) ? Labels.Of((MeetingFormat)g) : null);
        if (!current.IsActive)
        {
            conflicts.Add("The route has been deactivated");
        }

        return RefuseStale(current, conflicts, "this route");
    }

    private void AddDuplicateTitleError() =>
        ModelState.AddModelError(nameof(Title), "This partnership already has a route with this title; choose another title");

    private static IEnumerable<SelectListItem> Items<TEnum>(Func<TEnum, string> label)
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(value => new SelectListItem(label(value), Convert.ToInt32(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)));
}
