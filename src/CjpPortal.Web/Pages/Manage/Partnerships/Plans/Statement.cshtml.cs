using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CjpPortal.Core;
using CjpPortal.Core.Audit;
using CjpPortal.Core.Configurations;
using CjpPortal.Core.Documents;
using CjpPortal.Core.Domain;
using CjpPortal.Core.Rules;
using CjpPortal.Core.Subscriptions;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Infrastructure.Documents;
using CjpPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Manage.Partnerships.Plans;

/// <summary>The participation statement for one plan: who from the third sector and community took part and how, the
/// kinds of route and the partnership's own routes used, its link and the day it was published (blank while it is
/// not). Only this partnership's routes can be chosen; any other id posted is refused and nothing is saved.</summary>
[DocumentUploadLimits]
public class StatementModel(AppDbContext db, TimeProvider clock, DocumentStore documents, PublicCache cache, PublicationAlerts alerts, ManageLinks links) : PartnershipFormModel(db, links)
{
    private Document? upload;

    /// <summary>The statement as a file, instead of <see cref="Link"/>.</summary>
    [BindProperty]
    public IFormFile? StatementFile { get; set; }

    /// <summary>The file the statement has now, shown by the upload field.</summary>
    public DocumentSummary? CurrentStatementFile { get; private set; }

    public string Period { get; private set; } = string.Empty;

    [BindProperty]
    [StringLength(ParticipationStatement.SummaryMaxLength, ErrorMessage = "The summary must be {1} characters or fewer")]
    public string? Summary { get; set; }

    [BindProperty]
    public List<int> RouteKinds { get; set; } = [];

    [BindProperty]
    public List<int> RouteIds { get; set; } = [];

    [BindProperty]
    [StringLength(ParticipationStatement.LinkMaxLength, ErrorMessage = "The link must be {1} characters or fewer")]
    [HttpsUrl]
    public string? Link { get; set; }

    [BindProperty]
    public DateOnly? PublishedOn { get; set; }

    public static IEnumerable<SelectListItem> KindItems => Enum.GetValues<EngagementRouteKind>()
        .Select(kind => new SelectListItem(Labels.Of(kind), ((int)kind).ToString(CultureInfo.InvariantCulture)));

    public IReadOnlyList<SelectListItem> RouteItems { get; private set; } = [];

    private List<EngagementRoute> partnershipRoutes = [];

    public async Task<IActionResult> OnGetAsync(string slug, int id, CancellationToken cancellationToken)
    {
        var plan = await LoadAsync(slug, id, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        if (plan.ParticipationStatement is { } statement)
        {
            Summary = statement.Summary;
            RouteKinds = [.. statement.RouteKinds.Select(k => (int)k)];
            RouteIds = [.. statement.Routes.Select(r => r.Id)];
            Link = statement.Link;
            PublishedOn = statement.PublishedOn;
            Version = Db.VersionOf(statement);
            CurrentStatementFile = await DocumentSummary.FindAsync(Db, statement.DocumentId, cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, int id, CancellationToken cancellationToken)
    {
        var plan = await LoadAsync(slug, id, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        upload = await documents.TryAddUploadOrLinkAsync(StatementFile, Link, ModelState, nameof(StatementFile), PartnershipId, FormPages.Actor(User).UserId, cancellationToken);
        CurrentStatementFile = await DocumentSummary.FindAsync(Db, plan.ParticipationStatement?.DocumentId, cancellationToken);
        Validate();
        if (!ModelState.IsValid)
        {
            return FormPages.Invalid(this);
        }

        var statement = plan.ParticipationStatement;
        if (statement is not null && !Db.ExpectVersion(statement, Version))
        {
            return Stale(statement);
        }

        if (statement is null)
        {
            statement = new ParticipationStatement { Cjoip = plan };
            Db.ParticipationStatements.Add(statement);
        }

        var routesBefore = RouteTitles(statement.Routes);
        statement.Summary = Summary;
        statement.RouteKinds = [.. RouteKinds.Distinct().Order().Select(k => (EngagementRouteKind)k)];
        statement.Link = Link;
        if (upload is not null)
        {
            statement.Document = upload;
            statement.Link = null;
        }
        else if (Link is not null)
        {
            statement.DocumentId = null;
        }

        var newlyPublished = statement.PublishedOn is null && PublishedOn is not null;
        statement.PublishedOn = PublishedOn;
        if (newlyPublished)
        {
            // Queued with the save below: subscribers hear of it only if the statement is saved.
            await alerts.StatementPublishedAsync(Db, plan.PartnershipId, Period, cancellationToken);
        }

        var chosen = partnershipRoutes.Where(r => RouteIds.Contains(r.Id)).ToList();
        statement.Routes.Clear();
        foreach (var route in chosen)
        {
            statement.Routes.Add(route);
        }

        var routesAfter = RouteTitles(chosen);
        try
        {
            var actor = FormPages.Actor(User);
            // The routes are a many-to-many list the change tracker records as join rows, so history gets them as one field.
            await Db.SaveChangesAuditedAsync(actor, clock, entries => routesBefore == routesAfter
                ? []
                : [entries.Entry(plan.PartnershipId, HistoryCatalogue.ParticipationStatement.Entity, statement.Id,
                    HistoryCatalogue.StatementRoutesField, routesBefore, routesAfter)],
                cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            Db.ChangeTracker.Clear();
            var current = await LoadAsync(slug, id, cancellationToken);
            return current?.ParticipationStatement is { } stored ? Stale(stored) : NotFound();
        }

        await PartnershipPages.PublishedAsync(cache, cancellationToken);
        return SavedRedirect(Links.Plans, $"The participation statement for the {Period} plan has been saved.");
    }

    private void Validate()
    {
        if (RouteKinds.Any(k => !Enum.IsDefined((EngagementRouteKind)k)))
        {
            ModelState.AddModelError(nameof(RouteKinds), "Choose kinds of route from the list");
        }

        if (RouteIds.Any(id => partnershipRoutes.All(r => r.Id != id)))
        {
            ModelState.AddModelError(nameof(RouteIds), "Choose routes from this partnership's list");
        }

        if (!FormPages.ReplaceBindingError(ModelState, nameof(PublishedOn), "The published date must be a real date")
            && PublishedOn is { } published && published > ScottishTime.Today(clock))
        {
            ModelState.AddModelError(nameof(PublishedOn), "The published date must be today or in the past");
        }

        if (PublishedOn is not null && Link is null && upload is null && CurrentStatementFile is null && ModelState.GetFieldValidationState(nameof(Link)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError(nameof(Link), "Upload the published statement or give its link, or leave the published date blank");
        }
    }

    private IActionResult Stale(ParticipationStatement current)
    {
        ModelState.Clear();
        Summary = current.Summary;
        RouteKinds = [.. current.RouteKinds.Select(k => (int)k)];
        RouteIds = [.. current.Routes.Select(r => r.Id)];
        Link = current.Link;
        PublishedOn = current.PublishedOn;
        return RefuseStale(current, [], "this participation statement");
    }

    /// <summary>The routes as history records them: their titles in the order the public page shows them.</summary>
    private static string? RouteTitles(IEnumerable<EngagementRoute> routes) =>
        HistoryCatalogue.StoredValue(routes.OrderBy(r => r.DisplayOrder).ThenBy(r => r.Title, StringComparer.Ordinal).Select(r => r.Title).ToList());

    private async Task<Cjoip?> LoadAsync(string slug, int id, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(slug, cancellationToken))
        {
            return null;
        }

        var plan = await Db.Cjoips
            .Include(c => c.ParticipationStatement).ThenInclude(s => s!.Routes)
            .SingleOrDefaultAsync(c => c.Id == id && c.PartnershipId == PartnershipId, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        Period = Labels.PlanPeriod(plan);
        partnershipRoutes = await Db.EngagementRoutes
            .Where(r => r.PartnershipId == PartnershipId)
            .OrderBy(r => r.DisplayOrder).ThenBy(r => r.Title)
            .ToListAsync(cancellationToken);
        RouteItems = [.. partnershipRoutes.Select(r => new SelectListItem(r.IsActive ? r.Title : $"{r.Title} (deactivated)", r.Id.ToString(CultureInfo.InvariantCulture)))];
        return plan;
    }
}
