using System.Globalization;
using CjpPortal.Core;
using CjpPortal.Core.Audit;
using CjpPortal.Core.Identity;
using CjpPortal.Core.Rules;
using CjpPortal.Web.Infrastructure;
using CjpPortal.Web.Infrastructure.Documents;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Queries;

/// <summary>One change as the partnership history shows it: <paramref name="What"/> names the record,
/// <paramref name="Field"/> is the field's label, <paramref name="From"/> and <paramref name="To"/> are display text;
/// the links go to the document the record or a value names, when there is one.</summary>
public sealed record HistoryRow(DateTimeOffset OccurredAt, string UserEmail, string What, string Field, string From, string To,
    string? WhatLink = null, string? FromLink = null, string? ToLink = null);

/// <summary>One account change as stored (the national history page words it).</summary>
public sealed record AccountHistoryRow(DateTimeOffset OccurredAt, string UserEmail, string Field, string? OldValue, string? NewValue);

/// <summary>A page of history, newest first.</summary>
public sealed record HistoryPage<T>(IReadOnlyList<T> Rows, int PageNumber, int PageCount);

/// <summary>The read side of history: a partnership's changes in words a coordinator would use, and account changes.
/// Labels and value formats come from <see cref="HistoryCatalogue"/>; records are named from the current tables or,
/// for deleted ones, from the names history recorded when they were added or removed.</summary>
public sealed class HistoryQueries(AppDbContext db, DocumentLinks documentLinks)
{
    public const int PageSize = 50;

    /// <summary>Page <paramref name="pageNumber"/> (1 if out of range) of the changes to partnership
    /// <paramref name="partnershipId"/>.</summary>
    public async Task<HistoryPage<HistoryRow>> PartnershipAsync(int partnershipId, int? pageNumber, CancellationToken cancellationToken = default)
    {
        var entries = db.AuditEntries.AsNoTracking().Where(a => a.PartnershipId == partnershipId);
        var paging = Paging.For(await entries.CountAsync(cancellationToken), PageSize, pageNumber);
        var page = await entries
            .OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Skip(paging.Skip)
            .Take(PageSize)
            .Select(a => new Entry(a.OccurredAt, a.UserEmail, a.Entity, a.EntityId, a.Field, a.OldValue, a.NewValue))
            .ToListAsync(cancellationToken);

        var names = await RecordNames.LoadAsync(db, partnershipId, page, cancellationToken);
        return new HistoryPage<HistoryRow>(
            [.. page.Select(e => new HistoryRow(e.OccurredAt, EmailAddress.Normalise(e.UserEmail) ?? string.Empty, names.What(e.Entity, e.EntityId), HistoryCatalogue.FieldLabel(e.Entity, e.Field),
                From(names, e), To(names, e),
                DocumentLink(names.DocumentOf(e.Entity, e.EntityId)),
                DocumentLink(names.ReferencedDocument(e.Entity, e.Field, e.OldValue)),
                DocumentLink(names.ReferencedDocument(e.Entity, e.Field, e.NewValue))))],
            paging.PageNumber,
            paging.PageCount);
    }

    private string? DocumentLink((int Id, string FileName)? document) =>
        document is { } d ? documentLinks.Download(d.Id, d.FileName) : null;

    private static string From(RecordNames names, Entry e) => e.Field == HistoryCatalogue.PlacementField
        ? HistoryCatalogue.DisplayPlacement(e.OldValue, moved: false)
        : names.Value(e.Entity, e.Field, e.OldValue);

    private static string To(RecordNames names, Entry e) => e.Field == HistoryCatalogue.PlacementField
        ? HistoryCatalogue.DisplayPlacement(e.NewValue, moved: true)
        : names.Value(e.Entity, e.Field, e.NewValue);

    /// <summary>Page <paramref name="pageNumber"/> of the account changes, which belong to no partnership.</summary>
    public async Task<HistoryPage<AccountHistoryRow>> AccountsAsync(int? pageNumber, CancellationToken cancellationToken = default)
    {
        var entries = db.AuditEntries.AsNoTracking().Where(a => a.Entity == AccountAdministration.AccountEntity);
        var paging = Paging.For(await entries.CountAsync(cancellationToken), PageSize, pageNumber);
        var rows = await entries
            .OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Skip(paging.Skip)
            .Take(PageSize)
            .Select(a => new AccountHistoryRow(a.OccurredAt, a.UserEmail, a.Field, a.OldValue, a.NewValue))
            .ToListAsync(cancellationToken);
        return new HistoryPage<AccountHistoryRow>(rows, paging.PageNumber, paging.PageCount);
    }

    private sealed record Entry(DateTimeOffset OccurredAt, string UserEmail, string Entity, int EntityId, string Field, string? OldValue, string? NewValue);

    /// <summary>The names of the records a page of history mentions, loaded in a handful of queries (one per kind of
    /// record, one for council areas, one into history for deleted records), never one per row.</summary>
    private sealed class RecordNames
    {
        private readonly Dictionary<string, Dictionary<int, string>> names;
        private readonly Dictionary<int, string> areas;

        private RecordNames(Dictionary<string, Dictionary<int, string>> names, Dictionary<int, string> areas) =>
            (this.names, this.areas) = (names, areas);

        private static string RouteEntity => HistoryCatalogue.EngagementRoute.Entity;

        private static string ContactEntity => HistoryCatalogue.Contact.Entity;

        private static string TsiEntity => HistoryCatalogue.ThirdSectorInterface.Entity;

        private static string DocumentEntity => HistoryCatalogue.Document.Entity;

        public static async Task<RecordNames> LoadAsync(AppDbContext db, int partnershipId, List<Entry> page, CancellationToken cancellationToken)
        {
            var routeIds = Ids(page, RouteEntity);
            var tsiIds = Ids(page, TsiEntity);
            var contactIds = Ids(page, ContactEntity);
            contactIds.UnionWith(ReferencedIds(page, HistoryCatalogue.ContactReference));
            var documentIds = Ids(page, DocumentEntity);
            documentIds.UnionWith(ReferencedIds(page, HistoryCatalogue.DocumentReference));

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
            // Documents are never deleted (a replaced one stays for history), so they need no names from history.
            var documents = documentIds.Count == 0 ? [] : await db.Documents.AsNoTracking()
                .Where(d => d.PartnershipId == partnershipId && documentIds.Contains(d.Id))
                .ToDictionaryAsync(d => d.Id, d => d.FileName, cancellationToken);
            var names = new Dictionary<string, Dictionary<int, string>>(StringComparer.Ordinal)
            {
                [RouteEntity] = routes,
                [ContactEntity] = contacts,
                [TsiEntity] = tsiAreas,
                [DocumentEntity] = documents,
            };

            // Deleted records: the value of their naming field (the catalogue's NameField) that history recorded
            // when they were added or removed, the newest first.
            var missing = new HashSet<(string Entity, int Id)>();
            foreach (var (entity, ids) in new[] { (RouteEntity, routeIds), (ContactEntity, contactIds), (TsiEntity, tsiIds) })
            {
                missing.UnionWith(ids.Except(names[entity].Keys).Select(id => (entity, id)));
            }

            var deletedAreaIds = new Dictionary<(string Entity, int Id), int>();
            if (missing.Count > 0)
            {
                var missingIds = missing.Select(m => m.Id).Distinct().ToList();
                var nameFields = HistoryCatalogue.Entities.Where(e => e.NameField is not null).ToDictionary(e => e.Entity, e => e.NameField!, StringComparer.Ordinal);
                var entities = nameFields.Keys.ToList();
                var fields = nameFields.Values.Distinct().ToList();
                var recorded = await db.AuditEntries.AsNoTracking()
                    .Where(a => a.PartnershipId == partnershipId && missingIds.Contains(a.EntityId) && fields.Contains(a.Field) && entities.Contains(a.Entity))
                    .OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
                    .Select(a => new { a.Entity, a.EntityId, a.Field, Value = a.NewValue ?? a.OldValue })
                    .ToListAsync(cancellationToken);
                foreach (var entry in recorded.Where(r => r.Value is not null && missing.Contains((r.Entity, r.EntityId)) && nameFields[r.Entity] == r.Field))
                {
                    var audited = HistoryCatalogue.Find(entry.Entity)!;
                    if (audited.ReferenceTo(entry.Field) == HistoryCatalogue.CouncilAreaReference)
                    {
                        if (ParseId(entry.Value) is { } areaId)
                        {
                            deletedAreaIds.TryAdd((entry.Entity, entry.EntityId), areaId);
                        }
                    }
                    else if (names.TryGetValue(entry.Entity, out var known))
                    {
                        known.TryAdd(entry.EntityId, entry.Value!);
                    }
                }
            }

            // Council areas: those naming deleted records and any council-area value on the page.
            var areaIds = deletedAreaIds.Values.Concat(ReferencedIds(page, HistoryCatalogue.CouncilAreaReference)).ToHashSet();
            var areas = areaIds.Count == 0 ? [] : await db.CouncilAreas.AsNoTracking()
                .Where(a => areaIds.Contains(a.Id))
                .ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
            foreach (var ((entity, id), areaId) in deletedAreaIds)
            {
                if (areas.TryGetValue(areaId, out var areaName))
                {
                    names[entity].TryAdd(id, areaName);
                }
            }

            return new RecordNames(names, areas);
        }

        /// <summary>The "What" column: the kind of record and, where known, its name.</summary>
        public string What(string entity, int entityId)
        {
            var label = HistoryCatalogue.EntityLabel(entity);
            return names.TryGetValue(entity, out var known) && known.TryGetValue(entityId, out var name) ? $"{label}: {name}" : label;
        }

        public string Value(string entity, string field, string? value) =>
            (HistoryCatalogue.Find(entity)?.ReferenceTo(field), ParseId(value)) switch
            {
                (HistoryCatalogue.ContactReference, { } contactId) =>
                    names[ContactEntity].GetValueOrDefault(contactId) ?? "A contact no longer recorded",
                (HistoryCatalogue.CouncilAreaReference, { } areaId) => areas.GetValueOrDefault(areaId) ?? value!,
                (HistoryCatalogue.DocumentReference, { } documentId) =>
                    names[DocumentEntity].GetValueOrDefault(documentId) ?? "A document no longer recorded",
                _ => HistoryCatalogue.Display(entity, field, value),
            };

        /// <summary>The document a Document record of history is, when it is still stored.</summary>
        public (int Id, string FileName)? DocumentOf(string entity, int entityId) =>
            entity == DocumentEntity && names[DocumentEntity].TryGetValue(entityId, out var fileName) ? (entityId, fileName) : null;

        /// <summary>The document a reference field's value names (a plan's DocumentId), when it is still stored.</summary>
        public (int Id, string FileName)? ReferencedDocument(string entity, string field, string? value) =>
            HistoryCatalogue.Find(entity)?.ReferenceTo(field) == HistoryCatalogue.DocumentReference
            && ParseId(value) is { } id && names[DocumentEntity].TryGetValue(id, out var fileName)
                ? (id, fileName)
                : null;

        private static HashSet<int> Ids(List<Entry> page, string entity) =>
            [.. page.Where(e => e.Entity == entity).Select(e => e.EntityId)];

        /// <summary>The ids held by fields that point at <paramref name="reference"/> records.</summary>
        private static IEnumerable<int> ReferencedIds(List<Entry> page, string reference) =>
            page.Where(e => HistoryCatalogue.Find(e.Entity)?.ReferenceTo(e.Field) == reference)
                .SelectMany(e => new[] { e.OldValue, e.NewValue })
                .Select(ParseId).OfType<int>();

        private static int? ParseId(string? value) =>
            int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }
}
