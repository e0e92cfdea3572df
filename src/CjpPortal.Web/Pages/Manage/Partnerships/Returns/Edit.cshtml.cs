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
using CjpPortal.Web.Infrastructure.TagHelpers;
using CjpPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CjpPortal.Web.Pages.Manage.Partnerships.Returns;

/// <summary>Adds or edits a partnership's annual return for one ended reporting year: the dates, the published
/// report, the board's third-sector seats, and third-sector involvement at each stage of the commissioning cycle. The
/// due date comes from the configured deadline and is not edited here. A save from a form opened before someone
/// else's save is refused (409).</summary>
[DocumentUploadLimits]
public class EditModel(AppDbContext db, TimeProvider clock, DocumentStore documents, PublicCache cache, PublicationAlerts alerts, ManageLinks links, IOptions<PortalOptions> options)
    : PartnershipFormModel(db, links)
{
    public ReportingYear Year { get; private set; }

    /// <summary>"2024 to 2025", as the page names a reporting year.</summary>
    public string YearName => YearNameOf(Year);

    public DateOnly DueOn { get; private set; }

    public ReturnStatus Status { get; private set; }

    /// <summary>Nothing is recorded for the year yet.</summary>
    public bool IsNew { get; private set; }

    /// <summary>Why the year in the URL cannot have a return (not ended, or before 2017-18); the page shows only that.</summary>
    public string? YearProblem { get; private set; }

    [BindProperty]
    public DateOnly? SubmittedOn { get; set; }

    [BindProperty]
    public DateOnly? PublishedOn { get; set; }

    /// <summary>The published report as a file, instead of <see cref="PublishedReportLink"/>.</summary>
    [BindProperty]
    public IFormFile? ReportFile { get; set; }

    /// <summary>The file the return has now, shown by the upload field.</summary>
    public DocumentSummary? CurrentReportFile { get; private set; }

    [BindProperty]
    [StringLength(AnnualReturn.PublishedReportLinkMaxLength, ErrorMessage = "The link must be {1} characters or fewer")]
    [HttpsUrl(ErrorMessage = "Enter the link to the report as a full address starting with https://, like https://www.example.org/report.pdf")]
    public string? PublishedReportLink { get; set; }

    [BindProperty]
    [Range(0, 1000, ErrorMessage = "Enter the number of third-sector seats as a whole number, 0 or more")]
    public int? BoardThirdSectorSeats { get; set; }

    /// <summary>One entry per stage of the commissioning cycle, in order (<see cref="EngagementPicture.Stages"/>).</summary>
    [BindProperty]
    public List<StageInput> Stages { get; set; } = [];

    public sealed class StageInput
    {
        public int? Involvement { get; set; }

        public List<int> RouteKinds { get; set; } = [];

        [Range(0, 100000, ErrorMessage = "Enter the number of organisations as a whole number, 0 or more")]
        public int? OrganisationCount { get; set; }

        [StringLength(ReturnStageEngagement.NoteMaxLength, ErrorMessage = "The note must be {1} characters or fewer")]
        public string? Note { get; set; }
    }

    public static IEnumerable<SelectListItem> InvolvementChoices => Enum.GetValues<ThirdSectorInvolvement>()
        .Select(i => new SelectListItem(Labels.Of(i), ((int)i).ToString(CultureInfo.InvariantCulture)));

    public static IEnumerable<SelectListItem> RouteKindChoices => Enum.GetValues<EngagementRouteKind>()
        .Select(k => new ChoiceItem(Labels.Of(k), ((int)k).ToString(CultureInfo.InvariantCulture)));

    public static string YearNameOf(ReportingYear year) =>
        string.Create(CultureInfo.InvariantCulture, $"{year.StartYear} to {year.StartYear + 1}");

    private AnnualReturnDeadline Deadline => options.Value.AnnualReturnDeadline;

    public async Task<IActionResult> OnGetAsync(string slug, int year, CancellationToken cancellationToken)
    {
        var (found, annualReturn) = await LoadAsync(slug, year, cancellationToken);
        if (!found)
        {
            return NotFound();
        }

        if (YearProblem is not null)
        {
            return FormPages.Invalid(this);
        }

        Fill(annualReturn);
        CurrentReportFile = await DocumentSummary.FindAsync(Db, annualReturn?.ReportDocumentId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, int year, CancellationToken cancellationToken)
    {
        var (found, annualReturn) = await LoadAsync(slug, year, cancellationToken);
        if (!found)
        {
            return NotFound();
        }

        if (YearProblem is not null)
        {
            return FormPages.Invalid(this);
        }

        var upload = await documents.TryAddUploadOrLinkAsync(ReportFile, PublishedReportLink, ModelState, nameof(ReportFile), PartnershipId, FormPages.Actor(User).UserId, cancellationToken);
        CurrentReportFile = await DocumentSummary.FindAsync(Db, annualReturn?.ReportDocumentId, cancellationToken);
        Validate();
        if (!ModelState.IsValid)
        {
            return FormPages.Invalid(this);
        }

        if (annualReturn is null ? Version != 0 : !Db.ExpectVersion(annualReturn, Version))
        {
            return RefuseStale(annualReturn);
        }

        var isNew = annualReturn is null;
        annualReturn ??= Db.AnnualReturns.Add(new AnnualReturn
        {
            PartnershipId = PartnershipId,
            ReportingYearStart = Year.StartYear,
            DueOn = Year.DueDate(Deadline),
        }).Entity;
        var newlyPublished = annualReturn.PublishedOn is null && PublishedOn is not null;
        annualReturn.SubmittedOn = SubmittedOn;
        annualReturn.PublishedOn = PublishedOn;
        if (newlyPublished)
        {
            // Queued with the save below: subscribers hear of it only if the return is saved.
            await alerts.ReportPublishedAsync(Db, PartnershipId, YearName, cancellationToken);
        }

        annualReturn.PublishedReportLink = PublishedReportLink;
        if (upload is not null)
        {
            annualReturn.ReportDocument = upload;
            annualReturn.PublishedReportLink = null;
        }
        else if (PublishedReportLink is not null)
        {
            annualReturn.ReportDocumentId = null;
        }

        annualReturn.BoardThirdSectorSeats = BoardThirdSectorSeats;
        var stageChanges = ApplyStages(annualReturn);
        if (!isNew)
        {
            // Always a conditional update, so a save that changes only the stage rows still checks (and moves on) the version.
            Db.Entry(annualReturn).State = EntityState.Modified;
        }

        try
        {
            // The stage rows are recorded as fields of the return, with the return's id (known once a new one is saved).
            await Db.SaveChangesAuditedAsync(FormPages.Actor(User), clock, entries => stageChanges.Select(c =>
                entries.Entry(PartnershipId, HistoryCatalogue.AnnualReturn.Entity, annualReturn.Id, c.Field, c.OldValue, c.NewValue)),
                cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await RefuseStaleAfterSaveAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: ConstraintNames.AnnualReturnYear })
        {
            return await RefuseStaleAfterSaveAsync(cancellationToken);
        }

        await PartnershipPages.PublishedAsync(cache, cancellationToken);
        return SavedRedirect(Links.Returns, $"The annual return for {YearName} has been saved.");
    }

    /// <summary>The partnership in the URL (false: no such partnership) and its return for the year, tracked with its
    /// stage rows; <see cref="YearProblem"/> when the year cannot have a return.</summary>
    private async Task<(bool Found, AnnualReturn? Return)> LoadAsync(string slug, int year, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(slug, cancellationToken))
        {
            return (false, null);
        }

        var today = ScottishTime.Today(clock);
        Year = new ReportingYear(Math.Clamp(year, 1, 9998));
        if (year < ReturnRules.FirstYear)
        {
            YearProblem = $"Annual returns start with the reporting year {YearNameOf(new ReportingYear(ReturnRules.FirstYear))}, the first under the Community Justice (Scotland) Act 2016. Choose a year from the list of returns.";
        }
        else if (year > ReportingYear.LatestEnded(today).StartYear)
        {
            YearProblem = $"The reporting year {YearNameOf(Year)} ends on {Display.Date(Year.End)}. You can record its annual return once it has ended.";
        }

        if (YearProblem is not null)
        {
            ModelState.AddModelError(string.Empty, YearProblem);
            return (true, null);
        }

        var annualReturn = await Db.AnnualReturns.Include(r => r.StageEngagements)
            .SingleOrDefaultAsync(r => r.PartnershipId == PartnershipId && r.ReportingYearStart == Year.StartYear, cancellationToken);
        IsNew = annualReturn is null;
        var recorded = annualReturn is null ? null : new ReturnDates(annualReturn.ReportingYearStart, annualReturn.DueOn, annualReturn.SubmittedOn, annualReturn.PublishedOn);
        DueOn = ReturnRules.DueOn(Year, recorded, Deadline);
        Status = ReturnRules.StatusOf(Year, recorded, Deadline, today);
        while (Stages.Count < EngagementPicture.Stages.Count)
        {
            Stages.Add(new StageInput());
        }

        if (Stages.Count > EngagementPicture.Stages.Count)
        {
            Stages.RemoveRange(EngagementPicture.Stages.Count, Stages.Count - EngagementPicture.Stages.Count);
        }

        return (true, annualReturn);
    }

    private void Fill(AnnualReturn? annualReturn)
    {
        if (annualReturn is null)
        {
            Version = 0;
            return;
        }

        Version = Db.VersionOf(annualReturn);
        SubmittedOn = annualReturn.SubmittedOn;
        PublishedOn = annualReturn.PublishedOn;
        PublishedReportLink = annualReturn.PublishedReportLink;
        BoardThirdSectorSeats = annualReturn.BoardThirdSectorSeats;
        for (var i = 0; i < EngagementPicture.Stages.Count; i++)
        {
            var row = annualReturn.StageEngagements.SingleOrDefault(s => s.Stage == EngagementPicture.Stages[i]);
            Stages[i] = row is null ? new StageInput() : new StageInput
            {
                Involvement = (int)row.Involvement,
                RouteKinds = [.. row.RouteKinds.Select(k => (int)k)],
                OrganisationCount = row.OrganisationCount,
                Note = row.Note,
            };
        }
    }

    /// <summary>The rules the attributes cannot state: dates against today and each other, and the choices against their lists.</summary>
    private void Validate()
    {
        var today = ScottishTime.Today(clock);
        if (SubmittedOn is { } submitted && submitted > today)
        {
            ModelState.AddModelError(nameof(SubmittedOn), $"The date it was submitted must be today ({Display.Date(today)}) or in the past");
        }

        if (PublishedOn is { } published)
        {
            if (published > today)
            {
                ModelState.AddModelError(nameof(PublishedOn), $"The date it was published must be today ({Display.Date(today)}) or in the past");
            }
            else if (SubmittedOn is { } submittedOn && published < submittedOn)
            {
                ModelState.AddModelError(nameof(PublishedOn), $"The date it was published must be on or after the date it was submitted ({Display.Date(submittedOn)})");
            }
        }

        for (var i = 0; i < EngagementPicture.Stages.Count; i++)
        {
            var stage = Labels.Of(EngagementPicture.Stages[i]).ToLowerInvariant();
            var input = Stages[i];
            var prefix = $"{nameof(Stages)}[{i}].";
            if (input.Involvement is { } involvement && !Enum.IsDefined((ThirdSectorInvolvement)involvement))
            {
                ModelState.AddModelError(prefix + nameof(StageInput.Involvement), $"Choose yes, partly or no for the {stage} stage");
            }
            else if (input.Involvement is null && (input.RouteKinds.Count > 0 || input.OrganisationCount is not null || !string.IsNullOrEmpty(input.Note)))
            {
                ModelState.AddModelError(prefix + nameof(StageInput.Involvement), $"Choose whether the third sector was involved in the {stage} stage, or clear its other answers");
            }

            if (input.RouteKinds.Any(k => !Enum.IsDefined((EngagementRouteKind)k)))
            {
                ModelState.AddModelError(prefix + nameof(StageInput.RouteKinds), $"Choose how the third sector took part in the {stage} stage from the list");
            }
        }
    }

    /// <summary>Brings the stage rows in line with the form (a stage answered nothing has no row) and returns the
    /// history of each changed field, which the audited save cannot write for rows without an id.</summary>
    private List<(string Field, string? OldValue, string? NewValue)> ApplyStages(AnnualReturn annualReturn)
    {
        var changes = new List<(string Field, string? OldValue, string? NewValue)>();
        for (var i = 0; i < EngagementPicture.Stages.Count; i++)
        {
            var stage = EngagementPicture.Stages[i];
            var input = Stages[i];
            var row = annualReturn.StageEngagements.SingleOrDefault(s => s.Stage == stage);
            var before = Stored(row);
            if (input.Involvement is not { } involvement)
            {
                if (row is not null)
                {
                    annualReturn.StageEngagements.Remove(row);
                    Db.ReturnStageEngagements.Remove(row);
                }

                row = null;
            }
            else
            {
                if (row is null)
                {
                    row = new ReturnStageEngagement { Stage = stage };
                    annualReturn.StageEngagements.Add(row);
                }

                row.Involvement = (ThirdSectorInvolvement)involvement;
                row.RouteKinds = [.. input.RouteKinds.Distinct().Order().Select(k => (EngagementRouteKind)k)];
                row.OrganisationCount = input.OrganisationCount;
                row.Note = input.Note;
            }

            var after = Stored(row);
            foreach (var (property, index) in new[] { (nameof(ReturnStageEngagement.Involvement), 0), (nameof(ReturnStageEngagement.RouteKinds), 1), (nameof(ReturnStageEngagement.OrganisationCount), 2), (nameof(ReturnStageEngagement.Note), 3) })
            {
                if (before[index] != after[index])
                {
                    changes.Add((HistoryCatalogue.StageField(stage, property), before[index], after[index]));
                }
            }
        }

        return changes;
    }

    private static string?[] Stored(ReturnStageEngagement? row) => row is null
        ? [null, null, null, null]
        : [HistoryCatalogue.StoredValue(row.Involvement), HistoryCatalogue.StoredKinds(row.RouteKinds), HistoryCatalogue.StoredValue(row.OrganisationCount), HistoryCatalogue.StoredValue(row.Note)];

    private async Task<IActionResult> RefuseStaleAfterSaveAsync(CancellationToken cancellationToken)
    {
        Db.ChangeTracker.Clear();
        var current = await Db.AnnualReturns.AsNoTracking()
            .SingleOrDefaultAsync(r => r.PartnershipId == PartnershipId && r.ReportingYearStart == Year.StartYear, cancellationToken);
        return RefuseStale(current is null ? null : await Db.AnnualReturns.SingleAsync(r => r.Id == current.Id, cancellationToken));
    }

    /// <summary>Refuses a save from a form opened before someone else saved this year's return (409); the form keeps
    /// what was typed and takes the stored version, so saving again replaces the other person's answers on purpose.</summary>
    private IActionResult RefuseStale(AnnualReturn? current)
    {
        var what = $"the annual return for {YearName}";
        if (current is null)
        {
            Version = 0;
            return FormPages.RefuseStale(this, FormPages.StaleMessage(what));
        }

        var conflicts = new ConflictList();
        static string? Date(DateOnly? date) => date is { } d ? Display.Date(d) : null;
        conflicts.Compare("Submitted", Date(current.SubmittedOn), Date(SubmittedOn));
        conflicts.Compare("Published", Date(current.PublishedOn), Date(PublishedOn));
        conflicts.Compare("Link to the report", current.PublishedReportLink, PublishedReportLink);
        conflicts.Compare("Third-sector seats", current.BoardThirdSectorSeats?.ToString(CultureInfo.InvariantCulture), BoardThirdSectorSeats?.ToString(CultureInfo.InvariantCulture));
        return RefuseStale(current, conflicts, what);
    }
}
