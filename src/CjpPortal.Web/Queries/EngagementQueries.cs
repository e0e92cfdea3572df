using CjpPortal.Core;
using CjpPortal.Core.Domain;
using CjpPortal.Core.Rules;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Web.Queries;

/// <summary>A partnership's note on one stage of its return, for the CJS staff's national picture only.</summary>
public sealed record EngagementNote(string Partnership, string Slug, CommissioningStage Stage, ThirdSectorInvolvement Involvement, string Note);

/// <summary>The national picture of third-sector engagement: two SQL statements per page (the partnerships, then
/// every recorded stage row of every year, for the trend), counted by <see cref="EngagementPicture"/>.</summary>
public sealed class EngagementQueries(AppDbContext db, TimeProvider clock)
{
    public DateOnly Today => ScottishTime.Today(clock);

    /// <summary>The public picture: counts only, no notes and nothing naming a partnership's people.</summary>
    public async Task<EngagementPicture> PictureAsync(CancellationToken cancellationToken = default)
    {
        var partnerships = await db.Partnerships.CountAsync(cancellationToken);
        var facts = await db.ReturnStageEngagements.AsNoTracking()
            .Select(s => new StageEngagementFacts(s.AnnualReturn.PartnershipId, s.AnnualReturn.ReportingYearStart, s.Stage, s.Involvement, s.RouteKinds, s.OrganisationCount))
            .ToListAsync(cancellationToken);
        return new EngagementPicture(facts, partnerships);
    }

    /// <summary>The national picture with each partnership's notes for <paramref name="year"/>, by partnership then stage.</summary>
    public async Task<(EngagementPicture Picture, IReadOnlyList<EngagementNote> Notes)> PictureWithNotesAsync(ReportingYear year, CancellationToken cancellationToken = default)
    {
        var partnerships = await db.Partnerships.AsNoTracking().Select(p => new { p.Id, p.Name, p.Slug }).ToListAsync(cancellationToken);
        var rows = await db.ReturnStageEngagements.AsNoTracking()
            .Select(s => new
            {
                Facts = new StageEngagementFacts(s.AnnualReturn.PartnershipId, s.AnnualReturn.ReportingYearStart, s.Stage, s.Involvement, s.RouteKinds, s.OrganisationCount),
                Note = s.AnnualReturn.ReportingYearStart == year.StartYear ? s.Note : null,
            })
            .ToListAsync(cancellationToken);
        var names = partnerships.ToDictionary(p => p.Id);
        var notes = rows.Where(r => !string.IsNullOrWhiteSpace(r.Note) && names.ContainsKey(r.Facts.PartnershipId))
            .Select(r => new EngagementNote(names[r.Facts.PartnershipId].Name, names[r.Facts.PartnershipId].Slug, r.Facts.Stage, r.Facts.Involvement, r.Note!))
            .OrderBy(n => n.Partnership, StringComparer.InvariantCulture).ThenBy(n => n.Stage)
            .ToList();
        return (new EngagementPicture(rows.Select(r => r.Facts), partnerships.Count), notes);
    }
}
