using CjpPortal.Core;
using CjpPortal.Core.Identity;
using CjpPortal.Core.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CjpPortal.Web.Queries;

/// <summary>One partnership on the CJS dashboard: who it is, and its standing for the chosen reporting year.</summary>
public sealed record DashboardRow(
    int Id,
    string Name,
    string Slug,
    IReadOnlyList<AreaListItem> Areas,
    DateOnly? LastConfirmedOn,
    PartnershipStanding Standing);

/// <summary>The read side of the CJS dashboard: three SQL statements whatever the number of partnerships (partnerships
/// with plans and returns as a split query, then coordinator accounts), and the standing of each worked out by the
/// Core rules from the same "today".</summary>
public sealed class DashboardQueries(AppDbContext db, TimeProvider clock, IOptions<PortalOptions> options)
{
    public DateOnly Today => ScottishTime.Today(clock);

    public AnnualReturnDeadline Deadline => options.Value.AnnualReturnDeadline;

    public async Task<IReadOnlyList<DashboardRow>> RowsAsync(ReportingYear year, CancellationToken cancellationToken = default)
    {
        var partnerships = await db.Partnerships.AsNoTracking().AsSplitQuery()
            .OrderBy(p => p.Name)
            .Select(p => new
            {
                p.Id,
                p.Name,
                p.Slug,
                p.LastConfirmedOn,
                Areas = p.CouncilAreas.OrderBy(a => a.Name).Select(a => new AreaListItem(a.GssCode, a.Name)).ToList(),
                Plans = p.Cjoips.Select(c => new PlanDates(
                    c.Id,
                    c.PeriodStart,
                    c.PeriodEnd,
                    c.ConsultationOpensOn,
                    c.ConsultationClosesOn,
                    c.PublishedOn,
                    c.ParticipationStatement == null ? null : c.ParticipationStatement.PublishedOn)).ToList(),
                Returns = p.AnnualReturns.Select(r => new ReturnDates(r.ReportingYearStart, r.DueOn, r.SubmittedOn, r.PublishedOn)).ToList(),
            })
            .ToListAsync(cancellationToken);

        var coordinatorRoleIds = db.Roles.Where(r => r.Name == Roles.Coordinator).Select(r => r.Id);
        var accounts = await db.PartnershipCoordinators.AsNoTracking()
            .Where(pc => db.UserRoles.Any(ur => ur.UserId == pc.UserId && coordinatorRoleIds.Contains(ur.RoleId)))
            .Select(pc => new { pc.PartnershipId, SetUp = pc.User!.PasswordHash != null && pc.User.TwoFactorEnabled })
            .ToListAsync(cancellationToken);
        var accountsByPartnership = accounts.ToLookup(a => a.PartnershipId);

        var today = Today;
        return [.. partnerships.Select(p =>
        {
            var own = accountsByPartnership[p.Id].ToList();
            var facts = new PartnershipFacts(p.Plans, p.Returns, p.LastConfirmedOn, own.Count(a => a.SetUp), own.Count(a => !a.SetUp));
            return new DashboardRow(p.Id, p.Name, p.Slug, p.Areas, p.LastConfirmedOn, PartnershipStanding.Of(facts, year, Deadline, today));
        })];
    }
}
