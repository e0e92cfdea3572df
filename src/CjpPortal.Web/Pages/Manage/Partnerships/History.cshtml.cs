using System.Globalization;
using CjpPortal.Core;
using CjpPortal.Core.Domain;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Pages.Manage.Partnerships;

/// <summary>Every recorded change to a partnership's entry, newest first, so a new coordinator can see what their
/// predecessor did. Read only: nothing in the portal edits or deletes history. History stores raw values (ids, enum
/// names, "yes"/"no"); this page turns them into what a coordinator would say, naming records from the current
/// tables or, for deleted ones, from the names history recorded when they were added or removed.</summary>
public class HistoryModel(AppDbContext db) : PageModel
{
    public const int PageSize = 50;
    public const string Blank = "(blank)";

    public string Name { get; private set; } = string.Empty;
    public string Slug { get; private set; } = string.Empty;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;

    /// <summary>One change as shown: <paramref name="What"/> names the record, <paramref name="From"/> and
    /// <paramref name="To"/> are display text.</summary>
    public sealed record Row(DateTimeOffset OccurredAt, string UserEmail, string What, string Field, string From, string To);

    private sealed record Entry(DateTimeOffset OccurredAt, string UserEmail, string Entity, int EntityId, string Field, string? OldValue, string? NewValue);

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        var partnership = await ManagedPartnership.FindAsync(db, slug, cancellationToken);
        if (partnership is null)
        {
            return NotFound();
        }

        (Name, Slug) = (partnership.Name, partnership.Slug);
        var entries = db.AuditEntries.AsNoTracking().Where(a => a.PartnershipId == partnership.Id);
        var count = await entries.CountAsync(cancellationToken);
        var paging = Paging.For(count, PageSize, pageNumber);
        (PageNumber, PageCount) = (paging.PageNumber, paging.PageCount);
        var page = await entries
            .OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Skip(paging.Skip)
            .Take(PageSize)
            .Select(a => new Entry(a.OccurredAt, a.UserEmail, a.Entity, a.EntityId, a.Field, a.OldValue, a.NewValue))
            .ToListAsync(cancellationToken);

        var names = await RecordNames.LoadAsync(db, partnership.Id, page, cancellationToken);
        Rows = [.. page.Select(e => new Row(e.OccurredAt, e.UserEmail, names.What(e.Entity, e.EntityId), Describe(e.Field),
            names.Value(e.Entity, e.Field, e.OldValue), names.Value(e.Entity, e.Field, e.NewValue)))];
        return Page();
    }

    private static readonly TimeZoneInfo Scotland =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>When a change happened, in Scottish local time.</summary>
    public static string When(DateTimeOffset occurredAt) =>
        TimeZoneInfo.ConvertTime(occurredAt, Scotland).ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Entity and field names as a coordinator would say them.</summary>
    public static string Describe(string name) => name switch
    {
        "Partnership" => "Partnership details",
        "EngagementRoute" => "Engagement route",
        "Contact" => "Contact",
        "ThirdSectorInterface" => "Third Sector Interface",
        "Name" => "Name",
        "Title" => "Title",
        "Kind" => "Kind of route",
        "Format" => "Meeting format",
        "Description" => "Description",
        "Role" => "Role",
        "Email" => "E-mail",
        "Phone" => "Phone",
        "Website" => "Website",
        "CouncilAreaId" => "Council area",
        "CouncilAreas" => "Council areas",
        "Coordinators" => "Coordinators",
        "CoordinatorPostVacant" => "Coordinator post vacant",
        "FallbackContactId" => "Fallback contact",
        "GovernanceNotes" => "Governance notes",
        "LastConfirmedOn" => "Last confirmed",
        "RepresentationKind" => "Kind of representation",
        "HowToJoin" => "How to join",
        "ContactName" => "Contact name",
        "ContactEmail" => "Contact e-mail",
        "MeetingFrequency" => "Meeting frequency",
        "IsActive" => "Active",
        "DisplayOrder" => "Position",
        "IsPublished" => "Published",
        "IsCoordinator" => "Coordinator",
        _ => name,
    };

    /// <summary>A stored value as text for the table: labels for enumerations, "Yes"/"No", dates written out, and
    /// "(blank)" for nothing. Ids are resolved by <see cref="RecordNames"/>.</summary>
    public static string Display(string entity, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return Blank;
        }

        return (entity, field, value) switch
        {
            (_, _, "yes") => "Yes",
            (_, _, "no") => "No",
            ("EngagementRoute", "Kind", _) when Enum.TryParse<EngagementRouteKind>(value, out var kind) => Labels.Of(kind),
            ("EngagementRoute", "Format", _) when Enum.TryParse<MeetingFormat>(value, out var format) => Labels.Of(format),
            ("EngagementRoute", "RepresentationKind", _) when Enum.TryParse<BoardRepresentationKind>(value, out var representation) =>
                Capitalised(Labels.Of(representation)),
            (_, _, _) when field.EndsWith("On", StringComparison.Ordinal)
                && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) =>
                date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
            _ => value,
        };
    }

    private static string Capitalised(string text) =>
        text.Length == 0 ? text : string.Concat(char.ToUpperInvariant(text[0]).ToString(), text[1..]);

    /// <summary>The names of the records a page of history mentions, loaded in a handful of queries (one per kind of
    /// record, one for council areas, one into history for deleted records), never one per row.</summary>
    private sealed class RecordNames
    {
        private readonly Dictionary<int, string> routes;
        private readonly Dictionary<int, string> contacts;
        private readonly Dictionary<int, string> tsiAreas;
        private readonly Dictionary<int, string> areas;

        private RecordNames(Dictionary<int, string> routes, Dictionary<int, string> contacts, Dictionary<int, string> tsiAreas, Dictionary<int, string> areas) =>
            (this.routes, this.contacts, this.tsiAreas, this.areas) = (routes, contacts, tsiAreas, areas);

        public static async Task<RecordNames> LoadAsync(AppDbContext db, int partnershipId, List<Entry> page, CancellationToken cancellationToken)
        {
            var routeIds = Ids(page, "EngagementRoute");
            var tsiIds = Ids(page, "ThirdSectorInterface");
            var contactIds = Ids(page, "Contact");
            contactIds.UnionWith(page.Where(e => e.Entity == "Partnership" && e.Field == "FallbackContactId")
                .SelectMany(e => new[] { e.OldValue, e.NewValue })
                .Select(ParseId).OfType<int>());

            var routes = routeIds.Count == 0 ? [] : await db.EngagementRoutes.AsNoTracking()
                .Where(r => r.PartnershipId == partnershipId && routeIds.Contains(r.Id))
                .ToDictionaryAsync(r => r.Id, r => r.Title, cancellationToken);
            var contacts = contactIds.Count == 0 ? [] : await db.Contacts.AsNoTracking()
                .Where(c => c.PartnershipId == partnershipId && contactIds.Contains(c.Id))
                .ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
            var tsiAreas = tsiIds.Count == 0 ? [] : await db.ThirdSectorInterfaces.AsNoTracking()
                .Where(t => t.CouncilArea.PartnershipId == partnershipId && tsiIds.Contains(t.Id))
                .Select(t => new { t.Id, Area = t.CouncilArea.Name })
                .ToDictionaryAsync(t => t.Id, t => t.Area, cancellationToken);

            // Deleted records: the name (or, for a TSI, its council area) history recorded when they were added or
            // removed, the newest first.
            var missing = routeIds.Except(routes.Keys).Select(id => ("EngagementRoute", id))
                .Concat(contactIds.Except(contacts.Keys).Select(id => ("Contact", id)))
                .Concat(tsiIds.Except(tsiAreas.Keys).Select(id => ("ThirdSectorInterface", id)))
                .ToHashSet();
            var deletedTsiAreaIds = new Dictionary<int, int>();
            if (missing.Count > 0)
            {
                var missingIds = missing.Select(m => m.Item2).Distinct().ToList();
                string[] nameFields = ["Title", "Name", "CouncilAreaId"];
                var recorded = await db.AuditEntries.AsNoTracking()
                    .Where(a => a.PartnershipId == partnershipId && missingIds.Contains(a.EntityId) && nameFields.Contains(a.Field)
                        && (a.Entity == "EngagementRoute" || a.Entity == "Contact" || a.Entity == "ThirdSectorInterface"))
                    .OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
                    .Select(a => new { a.Entity, a.EntityId, a.Field, Value = a.NewValue ?? a.OldValue })
                    .ToListAsync(cancellationToken);
                foreach (var entry in recorded.Where(r => r.Value is not null && missing.Contains((r.Entity, r.EntityId))))
                {
                    switch (entry.Entity, entry.Field)
                    {
                        case ("EngagementRoute", "Title"):
                            routes.TryAdd(entry.EntityId, entry.Value!);
                            break;
                        case ("Contact", "Name"):
                            contacts.TryAdd(entry.EntityId, entry.Value!);
                            break;
                        case ("ThirdSectorInterface", "CouncilAreaId") when ParseId(entry.Value) is { } areaId:
                            deletedTsiAreaIds.TryAdd(entry.EntityId, areaId);
                            break;
                    }
                }
            }

            // Council areas: deleted TSIs' own and any CouncilAreaId value on the page.
            var areaIds = deletedTsiAreaIds.Values
                .Concat(page.Where(e => e.Field == "CouncilAreaId").SelectMany(e => new[] { e.OldValue, e.NewValue }).Select(ParseId).OfType<int>())
                .ToHashSet();
            var areas = areaIds.Count == 0 ? [] : await db.CouncilAreas.AsNoTracking()
                .Where(a => areaIds.Contains(a.Id))
                .ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
            foreach (var (tsiId, areaId) in deletedTsiAreaIds)
            {
                if (areas.TryGetValue(areaId, out var areaName))
                {
                    tsiAreas.TryAdd(tsiId, areaName);
                }
            }

            return new RecordNames(routes, contacts, tsiAreas, areas);
        }

        /// <summary>The "What" column: the kind of record and, where known, its name.</summary>
        public string What(string entity, int entityId)
        {
            var name = entity switch
            {
                "EngagementRoute" => routes.GetValueOrDefault(entityId),
                "Contact" => contacts.GetValueOrDefault(entityId),
                "ThirdSectorInterface" => tsiAreas.GetValueOrDefault(entityId),
                _ => null,
            };
            return name is null ? Describe(entity) : $"{Describe(entity)}: {name}";
        }

        public string Value(string entity, string field, string? value) => field switch
        {
            "FallbackContactId" when ParseId(value) is { } contactId =>
                contacts.GetValueOrDefault(contactId) ?? "A contact no longer recorded",
            "CouncilAreaId" when ParseId(value) is { } areaId => areas.GetValueOrDefault(areaId) ?? value!,
            _ => Display(entity, field, value),
        };

        private static HashSet<int> Ids(List<Entry> page, string entity) =>
            [.. page.Where(e => e.Entity == entity).Select(e => e.EntityId)];

        private static int? ParseId(string? value) =>
            int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }
}
