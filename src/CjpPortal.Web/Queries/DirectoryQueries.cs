using CjpPortal.Core;
using CjpPortal.Core.Rules;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Queries;

/// <summary>Read-only queries behind the public directory pages. Each runs a fixed number of SQL statements
/// whatever the number of partnerships (no lazy loading).</summary>
public sealed class DirectoryQueries(AppDbContext db, TimeProvider clock, DirectorySnapshotCache snapshots)
{
    public DateOnly Today => ScottishTime.Today(clock);

    /// <summary>Where an uploaded document is served (<c>/documents/{id}/{file-name}</c>, Endpoints/DocumentDownload); written
    /// out here because the snapshot query builds the address in SQL. File names are stored URL-safe.</summary>
    private const string DocumentPathPrefix = "/documents/";

    public async Task<PartnershipSnapshot?> FindBySlugAsync(string slug, CancellationToken cancellationToken = default) =>
        (await AllAsync(cancellationToken)).FirstOrDefault(p => p.Slug == slug);

    /// <summary>Every partnership, ordered by name, from the in-memory snapshot.</summary>
    public Task<IReadOnlyList<PartnershipSnapshot>> AllAsync(CancellationToken cancellationToken = default) =>
        snapshots.GetAsync(cancellationToken);

    /// <summary>Reads every partnership from the database: for <see cref="DirectorySnapshotCache"/>, and for what must not
    /// be stale (a yearly edition, <see cref="DirectoryEditions.PublishAsync"/>). One flat statement per kind of row
    /// (partnerships, council areas, contacts, routes, plans, annual returns), put together here by partnership. As one
    /// query with nested collections, EF Core took most of a second to compile it on the first load after a start,
    /// which the first visitor waited for (bench/coldstart.sh); flat projections compile in a fraction of that.</summary>
    internal Task<IReadOnlyList<PartnershipSnapshot>> LoadAllFromDatabaseAsync(CancellationToken cancellationToken) =>
        LoadAllAsync(db, cancellationToken);

    /// <summary>The same with a given context: for <see cref="Infrastructure.DatabaseWarmUp"/>, which runs these
    /// queries before the portal's services exist.</summary>
    internal static async Task<IReadOnlyList<PartnershipSnapshot>> LoadAllAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var areas = (await db.CouncilAreas.AsNoTracking()
            .OrderBy(a => a.Name)
            .Select(a => new
            {
                a.PartnershipId,
                Area = new AreaSnapshot(
                    a.GssCode,
                    a.Name,
                    a.Aliases,
                    a.ThirdSectorInterface == null ? null : new TsiSnapshot(a.ThirdSectorInterface.Name, a.ThirdSectorInterface.Website, a.ThirdSectorInterface.Email, a.ThirdSectorInterface.Phone)),
            })
            .ToListAsync(cancellationToken)).ToLookup(a => a.PartnershipId, a => a.Area);
        var contacts = (await db.Contacts.AsNoTracking()
            .OrderBy(c => c.Id)
            .Select(c => new { c.PartnershipId, Contact = new ContactCandidate(c.Id, c.Name, c.Role, c.IsCoordinator, c.IsPublished, c.Email, c.Phone, c.DisplayOrder) })
            .ToListAsync(cancellationToken)).ToLookup(c => c.PartnershipId, c => c.Contact);
        var routes = (await db.EngagementRoutes.AsNoTracking()
            .OrderBy(r => r.Id)
            .Select(r => new
            {
                r.PartnershipId,
                Route = new RouteSnapshot(r.Id, r.Kind, r.RepresentationKind, r.Title, r.Description, r.HowToJoin, r.ContactName, r.ContactEmail, r.MeetingFrequency, r.Format, r.IsActive, r.DisplayOrder),
            })
            .ToListAsync(cancellationToken)).ToLookup(r => r.PartnershipId, r => r.Route);
        var plans = (await db.Cjoips.AsNoTracking()
            .OrderBy(c => c.Id)
            .Select(c => new
            {
                c.PartnershipId,
                Plan = new PlanSnapshot(
                    c.Id,
                    c.PeriodStart,
                    c.PeriodEnd,
                    c.ConsultationOpensOn,
                    c.ConsultationClosesOn,
                    // An uploaded file stands in for the link once the public may read it (published, or out for consultation).
                    c.Link ?? (c.Document != null && (c.PublishedOn != null || c.ConsultationOpensOn != null)
                        ? DocumentPathPrefix + c.DocumentId + "/" + c.Document.FileName : null),
                    c.PublishedOn,
                    c.ParticipationStatement == null ? null : new StatementSnapshot(
                        c.ParticipationStatement.PublishedOn,
                        c.ParticipationStatement.Link ?? (c.ParticipationStatement.Document != null && c.ParticipationStatement.PublishedOn != null
                            ? DocumentPathPrefix + c.ParticipationStatement.DocumentId + "/" + c.ParticipationStatement.Document.FileName : null),
                        c.ParticipationStatement.Summary))
                {
                    ResponseLink = c.ConsultationResponseLink,
                    ResponseEmail = c.ConsultationResponseEmail,
                },
            })
            .ToListAsync(cancellationToken)).ToLookup(c => c.PartnershipId, c => c.Plan);
        var returns = (await db.AnnualReturns.AsNoTracking()
            .OrderBy(r => r.Id)
            .Select(r => new
            {
                r.PartnershipId,
                Return = new AnnualReturnSnapshot(r.ReportingYearStart, r.DueOn, r.SubmittedOn,
                    r.PublishedReportLink ?? (r.ReportDocument != null && r.PublishedOn != null
                        ? DocumentPathPrefix + r.ReportDocumentId + "/" + r.ReportDocument.FileName : null),
                    r.PublishedOn),
            })
            .ToListAsync(cancellationToken)).ToLookup(r => r.PartnershipId, r => r.Return);
        var partnerships = await db.Partnerships.AsNoTracking()
            .OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Name, p.Slug, p.Website, p.GovernanceNotes, p.CoordinatorPostVacant, p.FallbackContactId, p.LastConfirmedOn, p.LastConfirmedByCjsStaff })
            .ToListAsync(cancellationToken);
        return [.. partnerships.Select(p => new PartnershipSnapshot(
            p.Id,
            p.Name,
            p.Slug,
            p.Website,
            p.GovernanceNotes,
            p.CoordinatorPostVacant,
            p.FallbackContactId,
            p.LastConfirmedOn,
            [.. areas[p.Id]],
            [.. contacts[p.Id]],
            [.. routes[p.Id]],
            [.. plans[p.Id]],
            [.. returns[p.Id]])
        { LastConfirmedByCjsStaff = p.LastConfirmedByCjsStaff })];
    }

    /// <summary>Partnerships with their council areas, for lists and the map.</summary>
    public Task<List<PartnershipListItem>> ListAsync(CancellationToken cancellationToken = default) =>
        db.Partnerships.AsNoTracking()
            .OrderBy(p => p.Name)
            .Select(p => new PartnershipListItem(
                p.Name,
                p.Slug,
                p.CouncilAreas.OrderBy(a => a.Name).Select(a => new AreaListItem(a.GssCode, a.Name)).ToList()))
            .ToListAsync(cancellationToken);
}

public sealed record PartnershipListItem(string Name, string Slug, IReadOnlyList<AreaListItem> Areas);

public sealed record AreaListItem(string GssCode, string Name);
