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

    [BindProperty]
    public int Kind { get; set; } = (int)EngagementRouteKind.LocalForum;

    [BindProperty]
    public int? RepresentationKind { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter a title")]
    [StringLength(EngagementRoute.TitleMaxLength, ErrorMessage = "The title must be {1} characters or fewer")]
    public string? Title { get; set; }

    [BindProperty]
    [StringLength(EngagementRoute.DescriptionMaxLength, ErrorMessage = "The description must be {1} characters or fewer")]
    public string? Description { get; set; }

    [BindProperty]
    [StringLength(EngagementRoute.HowToJoinMaxLength, ErrorMessage = "How to join must be {1} characters or fewer")]
    public string? HowToJoin { get; set; }

    [BindProperty]
    [StringLength(EngagementRoute.ContactNameMaxLength, ErrorMessage = "The contact name must be {1} characters or fewer")]
    public string? ContactName { get; set; }

    [BindProperty]
    [PlainEmail]
    public string? ContactEmail { get; set; }

    [BindProperty]
    [StringLength(EngagementRoute.MeetingFrequencyMaxLength, ErrorMessage = "Meeting frequency must be {1} characters or fewer")]
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
        Remember(route);
    }

    /// <summary>The form's version and the values it was filled from (<see cref="FormOriginals"/>).</summary>
    protected void Remember(EngagementRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        Version = Db.VersionOf(route);
        Original = [];
        Original.Remember(nameof(Kind), (int)route.Kind);
        Original.Remember(nameof(RepresentationKind), (int?)route.RepresentationKind);
        Original.Remember(nameof(Title), route.Title);
        Original.Remember(nameof(Description), route.Description);
        Original.Remember(nameof(HowToJoin), route.HowToJoin);
        Original.Remember(nameof(ContactName), route.ContactName);
        Original.Remember(nameof(ContactEmail), route.ContactEmail);
        Original.Remember(nameof(MeetingFrequency), route.MeetingFrequency);
        Original.Remember(nameof(Format), (int?)route.Format);
    }

    /// <summary>A title as compared for duplicates: case and runs of spaces do not make a different title.</summary>
    public static string TitleKey(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
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

        if (ModelState.GetFieldValidationState(nameof(Title)) != ModelValidationState.Invalid && Title is not null)
        {
            // A handful of routes per partnership: compared here, as the unique index compares exact titles only.
            var others = await Db.EngagementRoutes.Where(r => r.PartnershipId == PartnershipId && r.Id != routeId).Select(r => r.Title).ToListAsync(cancellationToken);
            var key = TitleKey(Title);
            if (others.Any(t => TitleKey(t) == key))
            {
                AddDuplicateTitleError();
            }
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

    /// <summary>Takes the stored value of each field this form left alone and lists the fields both people changed
    /// (<see cref="ConflictList.Merge"/>).</summary>
    protected ConflictList Merge(EngagementRoute current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var conflicts = new ConflictList();
        static string? KindLabel(int kind) => Enum.IsDefined((EngagementRouteKind)kind) ? Labels.Of((EngagementRouteKind)kind) : null;
        static string? FormatLabel(int? format) => format is { } f && Enum.IsDefined((MeetingFormat)f) ? Labels.Of((MeetingFormat)f) : null;
        static string? RepresentationLabel(int? kind) => kind is { } k && Enum.IsDefined((BoardRepresentationKind)k) ? Labels.Of((BoardRepresentationKind)k) : null;
        Kind = conflicts.Merge("Kind", Original, nameof(Kind), (int)current.Kind, Kind, KindLabel);
        RepresentationKind = conflicts.Merge("Representation", Original, nameof(RepresentationKind), (int?)current.RepresentationKind, RepresentationKind, RepresentationLabel);
        Title = conflicts.Merge("Title", Original, nameof(Title), current.Title, Title);
        Description = conflicts.Merge("Description", Original, nameof(Description), current.Description, Description);
        HowToJoin = conflicts.Merge("How to join", Original, nameof(HowToJoin), current.HowToJoin, HowToJoin);
        ContactName = conflicts.Merge("Contact name", Original, nameof(ContactName), current.ContactName, ContactName);
        ContactEmail = conflicts.Merge("Contact email", Original, nameof(ContactEmail), current.ContactEmail, ContactEmail);
        MeetingFrequency = conflicts.Merge("Meeting frequency", Original, nameof(MeetingFrequency), current.MeetingFrequency, MeetingFrequency);
        Format = conflicts.Merge("Format", Original, nameof(Format), (int?)current.Format, Format, FormatLabel);
        return conflicts;
    }

    /// <summary>Refuses a save from an out-of-date form (409) with the fields both people changed; the others show
    /// what is stored.</summary>
    protected IActionResult RefuseStale(EngagementRoute current, ConflictList conflicts)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(conflicts);
        if (!current.IsActive)
        {
            conflicts.Add("The route has been deactivated");
        }

        Remember(current);
        ModelState.Clear();
        return RefuseStale(current, conflicts, "this route");
    }

    private void AddDuplicateTitleError() =>
        ModelState.AddModelError(nameof(Title), "This partnership already has a route with this title; choose another title");

    private static IEnumerable<SelectListItem> Items<TEnum>(Func<TEnum, string> label)
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(value => new SelectListItem(label(value), Convert.ToInt32(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)));
}
