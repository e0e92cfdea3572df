using System.Globalization;
using System.Reflection;
using CjpPortal.Core.Domain;
using CjpPortal.Core.Identity;

namespace CjpPortal.Core.Audit;

/// <summary>A record whose history belongs to one partnership (it is shown on that partnership's history page).</summary>
public interface IPartnershipOwned
{
    /// <summary>The partnership the record belongs to; null when that cannot be told from what is loaded (a Third
    /// Sector Interface without its council area).</summary>
    int? OwningPartnershipId { get; }
}

/// <summary>One kind of record that history describes: the name history stores (<see cref="Entity"/>), how a
/// coordinator would say it, how its fields are labelled and formatted, and which field names a record.</summary>
public sealed class AuditedEntity
{
    private readonly Dictionary<string, string> fieldLabels;
    private readonly Dictionary<string, Type> fieldTypes;

    private readonly Dictionary<string, string> references;

    internal AuditedEntity(string entity, Type? clrType, string label, string? nameField, Dictionary<string, string> fieldLabels,
        Dictionary<string, string>? references = null, Dictionary<string, Type>? extraFieldTypes = null)
    {
        this.references = references ?? [];
        Entity = entity;
        ClrType = clrType;
        Label = label;
        NameField = nameField;
        this.fieldLabels = fieldLabels;
        fieldTypes = clrType is null
            ? []
            : clrType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .ToDictionary(p => p.Name, p => Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType, StringComparer.Ordinal);
        foreach (var (field, type) in extraFieldTypes ?? [])
        {
            fieldTypes[field] = type;
        }
    }

    /// <summary>The name history stores in <see cref="AuditEntry.Entity"/>: the class name ("EngagementRoute").</summary>
    public string Entity { get; }

    /// <summary>The entity class saved through <see cref="AuditedSave"/>; null for records whose history is written by
    /// hand (accounts).</summary>
    public Type? ClrType { get; }

    /// <summary>The record as a coordinator would say it ("Engagement route").</summary>
    public string Label { get; }

    /// <summary>The field whose value names a record in the history's "What" column ("Title"), or null when the label
    /// alone is enough.</summary>
    public string? NameField { get; }

    /// <summary>The field as a coordinator would say it; a field the catalogue does not know keeps its own name.</summary>
    public string FieldLabel(string field) => fieldLabels.GetValueOrDefault(field, field);

    /// <summary>For a field holding the id of another record, the kind of record (<see cref="HistoryCatalogue.ContactReference"/>,
    /// <see cref="HistoryCatalogue.CouncilAreaReference"/>); otherwise null.</summary>
    public string? ReferenceTo(string field) => references.GetValueOrDefault(field);

    /// <summary>The type of the entity's property <paramref name="field"/> (nullable unwrapped), if it has one.</summary>
    public Type? FieldType(string field) => fieldTypes.GetValueOrDefault(field);
}

/// <summary>The one list of what history records and how it reads: the audited save takes its entity types and
/// ignored properties from here, and the history pages their labels and value formatting. History stores raw values
/// (ids, enum names, "yes"/"no", ISO dates, <see cref="StoredValue"/>); <see cref="Display"/> turns them into what a
/// coordinator would say.</summary>
public static class HistoryCatalogue
{
    /// <summary>How an empty value reads in the history table.</summary>
    public const string Blank = "(blank)";

    /// <summary>The stored form of a date.</summary>
    public const string StoredDateFormat = "yyyy-MM-dd";

    /// <summary>The audit field on a partnership listing its council areas by name (written by hand when an area moves).</summary>
    public const string CouncilAreasField = "CouncilAreas";

    /// <summary>What a reference field points at: a contact (named by its name) or a council area.</summary>
    public const string ContactReference = "Contact";

    public const string CouncilAreaReference = "CouncilArea";

    /// <summary>A field holding a document's id (a plan's, statement's or return's DocumentId): shown as the file's
    /// name, linked to it for the staff who read history.</summary>
    public const string DocumentReference = "Document";

    /// <summary>Properties that identify or version a row rather than describe it: never recorded. Positions in a list
    /// are renumbered on every move, so they are not recorded either: a move is written as <see cref="PlacementField"/>.
    /// Who uploaded a document and when is the history entry's own user and time.</summary>
    public static IReadOnlySet<string> IgnoredFields { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "Id", "PartnershipId", "xmin", "DisplayOrder", nameof(Domain.Document.UploadedAt), nameof(Domain.Document.UploadedById),
        // A listing's derived search columns, link stamp and timestamps: the entry's own time says when.
        nameof(Organisations.Organisation.SearchText), nameof(Organisations.Organisation.SearchVector), nameof(Organisations.Organisation.LinkStamp),
        nameof(Organisations.Organisation.CreatedAt), nameof(Organisations.Organisation.UpdatedAt),
        // Who resolved a problem report and when is likewise the entry's own; the client key is for the rate limit only.
        nameof(Problems.ProblemReport.ResolvedAt), nameof(Problems.ProblemReport.ResolvedById), nameof(Problems.ProblemReport.ClientKey),
        nameof(Updates.ForumUpdate.CreatedAt), nameof(Updates.ForumUpdate.CreatedById), nameof(Updates.ForumUpdate.UpdatedAt),
        nameof(Updates.ForumUpdate.UpdatedById),
    };

    /// <summary>The field written by hand when a contact or route is moved in its list: where it was and where it is
    /// now, as <see cref="PlacementValue"/> ("top", or "below:" and the name of the record above it then).</summary>
    public const string PlacementField = "Placement";

    private const string TopPlacement = "top";
    private const string BelowPlacement = "below:";

    /// <summary>The stored placement: at the top (<paramref name="below"/> null) or below the record named.</summary>
    public static string PlacementValue(string? below) => below is null ? TopPlacement : BelowPlacement + below;

    /// <summary>A stored placement as the history table says it: "At the top", "Below X", or for the new place
    /// (<paramref name="moved"/>) "Moved to the top", "Moved below X".</summary>
    public static string DisplayPlacement(string? value, bool moved) => value switch
    {
        null or "" => Blank,
        TopPlacement => moved ? "Moved to the top" : "At the top",
        _ when value.StartsWith(BelowPlacement, StringComparison.Ordinal) => (moved ? "Moved below " : "Below ") + value[BelowPlacement.Length..],
        _ => value,
    };

    public static AuditedEntity Partnership { get; } = Entity<Domain.Partnership>("Partnership details", nameField: null, new()
    {
        ["Name"] = "Name",
        ["Website"] = "Website",
        ["GovernanceNotes"] = "Governance notes",
        ["CoordinatorPostVacant"] = "Coordinator post vacant",
        ["FallbackContactId"] = "Fallback contact",
        ["LastConfirmedOn"] = "Last confirmed",
        ["LastConfirmedByCjsStaff"] = "Confirmed by Community Justice Scotland",
        [CouncilAreasField] = "Council areas",
        [AccountAdministration.CoordinatorsField] = "Coordinators",
        [Refresh.RefreshReminders.ReminderField] = "Refresh reminder sent by Community Justice Scotland",
    }, new() { ["FallbackContactId"] = ContactReference });

    public static AuditedEntity EngagementRoute { get; } = Entity<Domain.EngagementRoute>("Engagement route", nameof(Domain.EngagementRoute.Title), new()
    {
        ["Title"] = "Title",
        ["Kind"] = "Kind of route",
        ["RepresentationKind"] = "Kind of representation",
        ["Description"] = "Description",
        ["HowToJoin"] = "How to join",
        ["ContactName"] = "Contact name",
        ["ContactEmail"] = "Contact e-mail",
        ["MeetingFrequency"] = "Meeting frequency",
        ["Format"] = "Meeting format",
        ["IsActive"] = "Active",
        ["DisplayOrder"] = "Position",
        [PlacementField] = "Place in the list",
    });

    public static AuditedEntity Contact { get; } = Entity<Domain.Contact>("Contact", nameof(Domain.Contact.Name), new()
    {
        ["Name"] = "Name",
        ["Role"] = "Role",
        ["IsCoordinator"] = "Coordinator",
        ["Email"] = "E-mail",
        ["Phone"] = "Phone",
        ["IsPublished"] = "Published",
        ["DisplayOrder"] = "Position",
        [PlacementField] = "Place in the list",
    });

    /// <summary>A TSI is named by its council area (one TSI per area).</summary>
    public static AuditedEntity ThirdSectorInterface { get; } = Entity<Domain.ThirdSectorInterface>("Third Sector Interface", nameof(Domain.ThirdSectorInterface.CouncilAreaId), new()
    {
        ["CouncilAreaId"] = "Council area",
        ["Name"] = "Name",
        ["Website"] = "Website",
        ["Email"] = "E-mail",
        ["Phone"] = "Phone",
    }, new() { ["CouncilAreaId"] = CouncilAreaReference });

    /// <summary>An uploaded file, named by its file name. Documents are added, never changed: replacing one adds
    /// another and changes the record's DocumentId, so the old one stays in history.</summary>
    public static AuditedEntity Document { get; } = Entity<Domain.Document>("Document", nameof(Domain.Document.FileName), new()
    {
        ["FileName"] = "File name",
        ["Format"] = "Format",
        ["SizeBytes"] = "Size in bytes",
        ["Sha256"] = "SHA-256",
    });

    /// <summary>A plan, named by the day its period starts.</summary>
    public static AuditedEntity Cjoip { get; } = Entity<Domain.Cjoip>("Plan (CJOIP)", nameof(Domain.Cjoip.PeriodStart), new()
    {
        ["PeriodStart"] = "Period starts",
        ["PeriodEnd"] = "Period ends",
        ["ConsultationOpensOn"] = "Consultation opens",
        ["ConsultationClosesOn"] = "Consultation closes",
        ["ConsultationResponseLink"] = "How to respond: link",
        ["ConsultationResponseEmail"] = "How to respond: e-mail",
        ["Link"] = "Link to the plan",
        ["PublishedOn"] = "Published",
        ["DocumentId"] = "Document",
    }, new() { ["DocumentId"] = DocumentReference });

    /// <summary>A participation statement (its plan is the CjoipId field); its partnership's routes used are written by
    /// hand as <see cref="StatementRoutesField"/> (a list of titles), as the audited save does not see the join rows.</summary>
    public static AuditedEntity ParticipationStatement { get; } = Entity<Domain.ParticipationStatement>("Participation statement", nameField: null, new()
    {
        ["CjoipId"] = "Plan",
        ["PublishedOn"] = "Published",
        ["Link"] = "Link to the statement",
        ["DocumentId"] = "Document",
        ["Summary"] = "Who took part, and how",
        ["RouteKinds"] = "Kinds of route used",
        [StatementRoutesField] = "The partnership's routes used",
    }, new() { ["DocumentId"] = DocumentReference });

    /// <summary>The field written by hand when a statement's list of the partnership's routes changes.</summary>
    public const string StatementRoutesField = "Routes";
    /// <summary>An annual return. Its third-sector engagement per commissioning stage has no id of its own, so it is
    /// recorded as fields of the return (<see cref="StageField"/>, written by hand by the return's page).</summary>
    public static AuditedEntity AnnualReturn { get; } = new(nameof(Domain.AnnualReturn), typeof(Domain.AnnualReturn), "Annual return", null,
        new Dictionary<string, string>
        {
            ["ReportingYearStart"] = "Reporting year (starting)",
            ["DueOn"] = "Due",
            ["SubmittedOn"] = "Submitted to Community Justice Scotland",
            ["PublishedOn"] = "Published",
            ["PublishedReportLink"] = "Link to the published report",
            ["ReportDocumentId"] = "Uploaded report",
            ["BoardThirdSectorSeats"] = "Third-sector seats on the board",
        }.Concat(Enum.GetValues<CommissioningStage>().SelectMany(stage => new[]
        {
            KeyValuePair.Create(StageField(stage, nameof(ReturnStageEngagement.Involvement)), $"{Labels.Of(stage)}: third sector involved"),
            KeyValuePair.Create(StageField(stage, nameof(ReturnStageEngagement.RouteKinds)), $"{Labels.Of(stage)}: how"),
            KeyValuePair.Create(StageField(stage, nameof(ReturnStageEngagement.OrganisationCount)), $"{Labels.Of(stage)}: organisations taking part"),
            KeyValuePair.Create(StageField(stage, nameof(ReturnStageEngagement.Note)), $"{Labels.Of(stage)}: note"),
        })).ToDictionary(StringComparer.Ordinal),
        extraFieldTypes: Enum.GetValues<CommissioningStage>().SelectMany(stage => new[]
        {
            KeyValuePair.Create(StageField(stage, nameof(ReturnStageEngagement.Involvement)), typeof(ThirdSectorInvolvement)),
            KeyValuePair.Create(StageField(stage, nameof(ReturnStageEngagement.RouteKinds)), typeof(List<EngagementRouteKind>)),
            KeyValuePair.Create(StageField(stage, nameof(ReturnStageEngagement.OrganisationCount)), typeof(int)),
            KeyValuePair.Create(StageField(stage, nameof(ReturnStageEngagement.Note)), typeof(string)),
        }).ToDictionary(StringComparer.Ordinal));

    /// <summary>The history field of one property of a return's stage row: "Analyse.Involvement".</summary>
    public static string StageField(CommissioningStage stage, string property) => $"{stage}.{property}";

    /// <summary>Route kinds as history stores them: their names, comma-separated, in order; null for none.</summary>
    public static string? StoredKinds(IEnumerable<EngagementRouteKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        // The same form StoredValue gives a list (the statement's kinds), so one Display reads both.
        var names = string.Join(", ", kinds.Order().Select(k => k.ToString()));
        return names.Length == 0 ? null : names;
    }

    /// <summary>A forum update or meeting, named by its title; a national one belongs to no partnership.</summary>
    public static AuditedEntity ForumUpdate { get; } = Entity<Updates.ForumUpdate>("Update or meeting", nameof(Updates.ForumUpdate.Title), new()
    {
        ["Kind"] = "Kind",
        ["Title"] = "Title",
        ["Body"] = "Text",
        ["StartsAt"] = "Starts",
        ["EndsAt"] = "Ends",
        ["Place"] = "Place",
        ["OnlineLink"] = "Online link",
        ["EngagementRouteId"] = "Engagement route",
        ["PublishedAt"] = "Published",
        ["CorrectedAt"] = "Corrected",
    });

    /// <summary>Account changes (written by <see cref="AccountAdministration"/>), which belong to no partnership; the
    /// field is the role (or the action: invitation, unlock, authenticator reset).</summary>
    public static AuditedEntity Account { get; } = new(AccountAdministration.AccountEntity, null, "Account", null, new()
    {
        [Roles.Coordinator] = "Coordinator",
        [Roles.CjsStaff] = "CJS staff",
        [Roles.Administrator] = "Administrator",
    });

    /// <summary>An administrator's retry or cancel of an e-mail in the outbox (written by <see cref="Email.OutboxAdministration"/>),
    /// which belongs to no partnership: the message's state before and after.</summary>
    public static AuditedEntity OutboxEmail { get; } = new(Email.OutboxAdministration.AuditEntity, null, "E-mail in the outbox", null, new()
    {
        [Email.OutboxAdministration.StatusField] = "State",
    });

    /// <summary>A third-sector organisation's listing (no partnership: shown on the listing's moderation page).</summary>
    public static AuditedEntity Organisation { get; } = new(nameof(Organisations.Organisation), typeof(Organisations.Organisation), "Organisation listing",
        nameof(Organisations.Organisation.Name), new()
        {
            ["Name"] = "Name",
            ["CharityNumber"] = "Charity number",
            ["Website"] = "Website",
            ["ContactEmail"] = "Contact e-mail",
            ["ContactEmailVerifiedAt"] = "Contact e-mail verified",
            ["PublicEmail"] = "Public e-mail",
            ["Phone"] = "Phone",
            ["Description"] = "Description",
            ["Status"] = "Status",
            ["ModerationReason"] = "Moderator's reason",
            ["ModeratedAt"] = "Moderated",
            ["PublishedAt"] = "First published",
            ["ConfirmedAt"] = "Last confirmed",
            ["CoversAllOfScotland"] = "Works in all of Scotland",
            ["Themes"] = "Themes",
            ["RouteKinds"] = "Partnership routes taken part in",
            [OrganisationAreasField] = "Council areas",
        });

    /// <summary>A listing's service, named by its name; its organisation is the OrganisationId field.</summary>
    public static AuditedEntity OrganisationService { get; } = new(nameof(Organisations.OrganisationService), typeof(Organisations.OrganisationService), "Service",
        nameof(Organisations.OrganisationService.Name), new()
        {
            ["OrganisationId"] = "Organisation",
            ["Name"] = "Name",
            ["Description"] = "Description",
            ["WhoItIsFor"] = "Who it is for",
            ["HowToAccess"] = "How to refer or get in touch",
            ["Email"] = "E-mail",
            ["Phone"] = "Phone",
            ["Website"] = "Website",
            ["CoversAllOfScotland"] = "Offered in all of Scotland",
            ["Themes"] = "Themes",
            [OrganisationAreasField] = "Council areas",
        });

    /// <summary>The audit field listing a listing's or service's council areas by name (written by hand, as the audited
    /// save does not see the join rows).</summary>
    public const string OrganisationAreasField = "Areas";

    /// <summary>A problem reported on the partnership's public page. Reports are made by people without an account, so
    /// only their resolution (by a coordinator or CJS staff) is recorded; the report itself is its own record.</summary>
    public static AuditedEntity ProblemReport { get; } = Entity<Problems.ProblemReport>("Problem report", nameField: null, new()
    {
        ["Kind"] = "What was wrong",
        ["Note"] = "Reporter's note",
        ["ReplyEmail"] = "Reporter's e-mail",
        ["ReportedAt"] = "Reported",
        ["ResolutionNote"] = "Resolved, with the note",
    });

    public static IReadOnlyList<AuditedEntity> Entities { get; } = [Partnership, EngagementRoute, Contact, ThirdSectorInterface, Cjoip, ParticipationStatement, AnnualReturn, Document, ProblemReport, ForumUpdate, Account, OutboxEmail, Organisation, OrganisationService];

    private static readonly Dictionary<string, AuditedEntity> ByName = Entities.ToDictionary(e => e.Entity, StringComparer.Ordinal);

    private static readonly Dictionary<Type, AuditedEntity> ByType = Entities.Where(e => e.ClrType is not null).ToDictionary(e => e.ClrType!);

    /// <summary>The entity for a saved class, or null if changes to it are not recorded.</summary>
    public static AuditedEntity? For(Type clrType) => ByType.GetValueOrDefault(clrType);

    /// <summary>The entity history stored under <paramref name="entity"/>, or null if the catalogue does not know it.</summary>
    public static AuditedEntity? Find(string entity) => ByName.GetValueOrDefault(entity);

    /// <summary>The record kind as a coordinator would say it; an unknown one keeps its stored name.</summary>
    public static string EntityLabel(string entity) => Find(entity)?.Label ?? entity;

    /// <summary>The field as a coordinator would say it; an unknown one keeps its stored name.</summary>
    public static string FieldLabel(string entity, string field) => Find(entity)?.FieldLabel(field) ?? field;

    /// <summary>A value as history stores it: invariant text, "yes"/"no", ISO dates, enum names, null for empty.</summary>
    public static string? StoredValue(object? value) => value switch
    {
        null => null,
        string s => s.Length == 0 ? null : s,
        DateOnly d => d.ToString(StoredDateFormat, CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        // A list (a statement's route kinds) is stored as its items' stored values, comma-separated.
        System.Collections.IEnumerable items => string.Join(", ", items.Cast<object?>().Select(StoredValue)) is { Length: > 0 } joined ? joined : null,
        _ => value.ToString(),
    };

    /// <summary>A stored value as text for the history table, by the type of the field it came from: labels for
    /// enumerations, "Yes"/"No", dates written out, and <see cref="Blank"/> for nothing. Ids of other records are not
    /// resolved here (that needs the database); they come back as stored.</summary>
    public static string Display(string entity, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return Blank;
        }

        var type = Find(entity)?.FieldType(field);
        return type switch
        {
            not null when type == typeof(bool) => value switch
            {
                "yes" => "Yes",
                "no" => "No",
                _ => value,
            },
            not null when type == typeof(DateOnly)
                && DateOnly.TryParseExact(value, StoredDateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) =>
                date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
            not null when type == typeof(EngagementRouteKind) && Enum.TryParse<EngagementRouteKind>(value, out var kind) => Labels.Of(kind),
            not null when type == typeof(MeetingFormat) && Enum.TryParse<MeetingFormat>(value, out var format) => Labels.Of(format),
            not null when type == typeof(List<EngagementRouteKind>) => string.Join(", ", value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(v => Enum.TryParse<EngagementRouteKind>(v, out var routeKind) ? Labels.Of(routeKind) : v)),
            not null when type == typeof(BoardRepresentationKind) && Enum.TryParse<BoardRepresentationKind>(value, out var representation) =>
                Capitalised(Labels.Of(representation)),
            not null when type == typeof(DocumentFormat) && Enum.TryParse<DocumentFormat>(value, out var documentFormat) => Labels.Of(documentFormat),
            not null when type == typeof(ThirdSectorInvolvement) && Enum.TryParse<ThirdSectorInvolvement>(value, out var involvement) => Labels.Of(involvement),
            not null when type == typeof(Organisations.OrganisationStatus) && Enum.TryParse<Organisations.OrganisationStatus>(value, out var status) =>
                Organisations.OrganisationStatusLabels.Of(status),
            not null when type == typeof(List<Organisations.Theme>) => string.Join(", ", value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(v => Enum.TryParse<Organisations.Theme>(v, out var theme) ? Organisations.Themes.NameOf(theme) : v)),
            _ => value,
        };
    }

    private static string Capitalised(string text) =>
        text.Length == 0 ? text : string.Concat(char.ToUpperInvariant(text[0]).ToString(), text[1..]);

    private static AuditedEntity Entity<T>(string label, string? nameField, Dictionary<string, string> fieldLabels,
        Dictionary<string, string>? references = null)
        where T : IPartnershipOwned =>
        new(typeof(T).Name, typeof(T), label, nameField, fieldLabels, references);
}
