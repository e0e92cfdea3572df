using System.Globalization;
using CjpPortal.Core;
using CjpPortal.Core.Audit;
using CjpPortal.Core.Configurations;
using CjpPortal.Core.Domain;
using CjpPortal.Core.Rules;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CjpPortal.Web.Pages.Manage.Partnerships.Routes;

/// <summary>The fields of an engagement route, shared by the add and edit pages: binding, validation and saving.</summary>
public abstract class RouteFormModel(AppDbContext db, TimeProvider clock, PublicCache cache) : PartnershipFormModel(db)
{
    public const int TitleMaxLength = 200;


    [BindProperty]
    public int Kind { get; set; } = (int)EngagementRouteKind.LocalForum;

    [BindProperty]
    public int? RepresentationKind { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? HowToJoin { get; set; }

    [BindProperty]
    public string? ContactName { get; set; }

    [BindProperty]
    public string? ContactEmail { get; set; }

    [BindProperty]
    public string? MeetingFrequency { get; set; }

    [BindProperty]
    public int? Format { get; set; }

    public static IEnumerable<(int Value, string Label)> Kinds =>
        Enum.GetValues<EngagementRouteKind>().Select(k => ((int)k, Labels.Of(k)));

    public static IEnumerable<(int Value, string Label)> RepresentationKinds =>
        Enum.GetValues<BoardRepresentationKind>().Select(k => ((int)k, Labels.Of(k)));

    public static IEnumerable<(int Value, string Label)> Formats =>
        Enum.GetValues<MeetingFormat>().Select(k => ((int)k, Labels.Of(k)));

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

    /// <summary>Trims the input and checks it; the title's uniqueness is checked against the other routes.</summary>
    protected async Task ValidateAsync(int? routeId, CancellationToken cancellationToken)
    {
        Title = FormPages.Trimmed(Title);
        Description = FormPages.Trimmed(Description);
        HowToJoin = FormPages.Trimmed(HowToJoin);
        ContactName = FormPages.Trimmed(ContactName);
        ContactEmail = EmailAddress.Normalise(ContactEmail);
        MeetingFrequency = FormPages.Trimmed(MeetingFrequency);
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

        if (Title is null)
        {
            ModelState.AddModelError(nameof(Title), "Enter a title");
        }
        else if (Title.Length > TitleMaxLength)
        {
            ModelState.AddModelError(nameof(Title), $"The title must be {TitleMaxLength} characters or fewer");
        }
        else if (await Db.EngagementRoutes.AnyAsync(r => r.PartnershipId == PartnershipId && r.Title == Title && r.Id != routeId, cancellationToken))
        {
            AddDuplicateTitleError();
        }

        MaxLength(nameof(Description), "The description", Description, 4000);
        MaxLength(nameof(HowToJoin), "How to join", HowToJoin, 2000);
        MaxLength(nameof(ContactName), "The contact name", ContactName, 200);
        MaxLength(nameof(MeetingFrequency), "Meeting frequency", MeetingFrequency, 200);
        if (ContactEmail is not null && !EmailAddress.IsValid(ContactEmail))
        {
            ModelState.AddModelError(nameof(ContactEmail), EmailAddress.FormatMessage);
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

    private void MaxLength(string field, string label, string? value, int max)
    {
        if (value?.Length > max)
        {
            ModelState.AddModelError(field, $"{label} must be {max.ToString(CultureInfo.InvariantCulture)} characters or fewer");
        }
    }
}
