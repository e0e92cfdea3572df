using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CjpPortal.Core;
using CjpPortal.Core.Rules;
using CjpPortal.Core.Updates;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Pages.National;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Manage.Partnerships.Updates;

/// <summary>The fields of an update or meeting, shared by the new and edit pages: binding, validation and copying to
/// the record. Times are typed in Scottish local time and stored as instants.</summary>
public abstract class UpdateFormModel(AppDbContext db, ManageLinks manage, NationalLinks national) : UpdatePageModel(db, manage, national)
{
    [BindProperty]
    public int Kind { get; set; } = (int)UpdateKind.Update;

    [BindProperty]
    [Required(ErrorMessage = "Enter a title")]
    [StringLength(ForumUpdate.TitleMaxLength, ErrorMessage = "The title must be {1} characters or fewer")]
    public string? Title { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter the text of the update")]
    [StringLength(ForumUpdate.BodyMaxLength, ErrorMessage = "The text must be {1} characters or fewer")]
    public string? Body { get; set; }

    [BindProperty]
    public DateOnly? StartsOn { get; set; }

    [BindProperty]
    public string? StartsTime { get; set; }

    [BindProperty]
    public string? EndsTime { get; set; }

    [BindProperty]
    [StringLength(ForumUpdate.PlaceMaxLength, ErrorMessage = "The place must be {1} characters or fewer")]
    public string? Place { get; set; }

    [BindProperty]
    [StringLength(ForumUpdate.OnlineLinkMaxLength, ErrorMessage = "The online link must be {1} characters or fewer")]
    public string? OnlineLink { get; set; }

    [BindProperty]
    public int? EngagementRouteId { get; set; }

    public IReadOnlyList<SelectListItem> Routes { get; private set; } = [];

    public static IEnumerable<SelectListItem> Kinds { get; } =
    [
        new("An update (news for the forum)", ((int)UpdateKind.Update).ToString(CultureInfo.InvariantCulture)),
        new("A meeting (with a date, time and place)", ((int)UpdateKind.Meeting).ToString(CultureInfo.InvariantCulture)),
    ];

    /// <summary>The partnership's engagement routes a meeting can belong to (none for national updates).</summary>
    protected async Task LoadRoutesAsync(CancellationToken cancellationToken)
    {
        Routes = Scope.PartnershipId is { } partnershipId
            ? await Db.EngagementRoutes.AsNoTracking()
                .Where(r => r.PartnershipId == partnershipId)
                .OrderBy(r => r.DisplayOrder).ThenBy(r => r.Title)
                .Select(r => new SelectListItem(r.Title, r.Id.ToString(CultureInfo.InvariantCulture)))
                .ToListAsync(cancellationToken)
            : [];
    }

    protected void Fill(ForumUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        Kind = (int)update.Kind;
        Title = update.Title;
        Body = update.Body;
        if (update.StartsAt is { } starts)
        {
            var local = ScottishTime.LocalOf(starts);
            StartsOn = DateOnly.FromDateTime(local.DateTime);
            StartsTime = local.ToString("HH:mm", CultureInfo.InvariantCulture);
        }

        EndsTime = update.EndsAt is { } ends ? ScottishTime.LocalOf(ends).ToString("HH:mm", CultureInfo.InvariantCulture) : null;
        Place = update.Place;
        OnlineLink = update.OnlineLink;
        EngagementRouteId = update.EngagementRouteId;
    }

    /// <summary>Checks what the attributes cannot: the kind, and for a meeting its time (in the future, unless a
    /// correction leaves it as it was: <paramref name="storedStart"/>), place or link, and route.</summary>
    protected void Validate(DateTimeOffset now, DateTimeOffset? storedStart)
    {
        if (!Enum.IsDefined((UpdateKind)Kind))
        {
            ModelState.AddModelError(nameof(Kind), "Choose whether this is an update or a meeting");
            return;
        }

        if ((UpdateKind)Kind != UpdateKind.Meeting)
        {
            return;
        }

        FormPages.ReplaceBindingError(ModelState, nameof(StartsOn), "Enter the date of the meeting as a real date");
        var startTime = ParseTime(StartsTime);
        var endTime = ParseTime(EndsTime);
        if (StartsOn is null && ModelState.GetFieldValidationState(nameof(StartsOn)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError(nameof(StartsOn), "Enter the date of the meeting");
        }

        if (startTime is null)
        {
            ModelState.AddModelError(nameof(StartsTime), "Enter the time the meeting starts, like 14:30");
        }

        if (!string.IsNullOrEmpty(EndsTime) && endTime is null)
        {
            ModelState.AddModelError(nameof(EndsTime), "Enter the time the meeting ends, like 16:00, or leave it blank");
        }
        else if (endTime is { } end && startTime is { } begin && end <= begin)
        {
            ModelState.AddModelError(nameof(EndsTime), "The meeting must end after it starts");
        }

        if (StartsAt is { } startsAt && startsAt <= now && startsAt != storedStart)
        {
            ModelState.AddModelError(nameof(StartsOn), "The meeting must be in the future");
        }

        if (string.IsNullOrEmpty(Place) && string.IsNullOrEmpty(OnlineLink))
        {
            ModelState.AddModelError(nameof(Place), "Enter where the meeting is held, or a link to join it online");
        }

        if (!string.IsNullOrEmpty(OnlineLink)
            && !(Uri.TryCreate(OnlineLink, UriKind.Absolute, out var link) && link.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(link.Host)))
        {
            ModelState.AddModelError(nameof(OnlineLink), "Enter the online link as a full address starting with https://");
        }

        if (EngagementRouteId is { } routeId && !Routes.Any(r => r.Value == routeId.ToString(CultureInfo.InvariantCulture)))
        {
            ModelState.AddModelError(nameof(EngagementRouteId), "Choose one of this partnership’s engagement routes");
        }
    }

    /// <summary>Copies the form to the record; an update keeps no meeting fields.</summary>
    protected void Apply(ForumUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var meeting = (UpdateKind)Kind == UpdateKind.Meeting;
        update.Kind = (UpdateKind)Kind;
        update.Title = Title!;
        update.Body = Body!;
        update.StartsAt = meeting ? StartsAt : null;
        update.EndsAt = meeting ? EndsAt : null;
        update.Place = meeting ? Place : null;
        update.OnlineLink = meeting ? OnlineLink : null;
        update.EngagementRouteId = meeting ? EngagementRouteId : null;
    }

    protected DateTimeOffset? StartsAt =>
        StartsOn is { } date && ParseTime(StartsTime) is { } time ? ScottishTime.InstantOf(date, time) : null;

    private DateTimeOffset? EndsAt =>
        StartsOn is { } date && ParseTime(EndsTime) is { } time ? ScottishTime.InstantOf(date, time) : null;

    private static TimeOnly? ParseTime(string? value) =>
        TimeOnly.TryParseExact(value, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
}
