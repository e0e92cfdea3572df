using CjpPortal.Core;
using CjpPortal.Core.Domain;
using CjpPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.TestCommon;

/// <summary>Builders for plans, participation statements, annual returns and the other facts the CJS dashboard reads.</summary>
public static partial class TestData
{
    /// <summary>A plan (CJOIP) of the partnership <paramref name="slug"/>; published when <paramref name="publishedOn"/> is
    /// given, with a published participation statement when <paramref name="statementPublishedOn"/> is.</summary>
    public static async Task<Cjoip> CreatePlanAsync(
        this PortalFixture fixture,
        string slug,
        DateOnly periodStart,
        DateOnly periodEnd,
        DateOnly? publishedOn = null,
        DateOnly? statementPublishedOn = null,
        DateOnly? consultationOpensOn = null,
        DateOnly? consultationClosesOn = null)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        return await fixture.WithDbContextAsync(async db =>
        {
            var plan = new Cjoip
            {
                PartnershipId = await PartnershipIdAsync(db, slug),
                PeriodStart = periodStart,
                PeriodEnd = periodEnd,
                PublishedOn = publishedOn,
                ConsultationOpensOn = consultationOpensOn,
                ConsultationClosesOn = consultationClosesOn,
                Link = $"https://{slug}.example.org/plan-{periodStart.Year}.pdf",
                ConsultationResponseEmail = consultationOpensOn is null ? null : $"plan@{slug}.example.org",
                ParticipationStatement = statementPublishedOn is { } on
                    ? new ParticipationStatement { PublishedOn = on, Link = $"https://{slug}.example.org/statement-{periodStart.Year}.pdf" }
                    : null,
            };
            db.Cjoips.Add(plan);
            await db.SaveChangesAsync();
            return plan;
        });
    }

    /// <summary>The annual return of the partnership <paramref name="slug"/> for the reporting year starting 1 April
    /// <paramref name="reportingYearStart"/>, due on the default deadline (31 December after the year ends), with the
    /// third-sector engagement <paramref name="stages"/> (see <see cref="Stage"/>).</summary>
    public static async Task<AnnualReturn> CreateAnnualReturnAsync(
        this PortalFixture fixture,
        string slug,
        int reportingYearStart,
        DateOnly? submittedOn = null,
        DateOnly? publishedOn = null,
        IReadOnlyList<ReturnStageEngagement>? stages = null,
        int? boardSeats = null)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        return await fixture.WithDbContextAsync(async db =>
        {
            var annualReturn = new AnnualReturn
            {
                StageEngagements = [.. stages ?? []],
                BoardThirdSectorSeats = boardSeats,
                PartnershipId = await PartnershipIdAsync(db, slug),
                ReportingYearStart = reportingYearStart,
                DueOn = new DateOnly(reportingYearStart + 1, 12, 31),
                SubmittedOn = submittedOn,
                PublishedOn = publishedOn,
                PublishedReportLink = publishedOn is null ? null : $"https://{slug}.example.org/report-{reportingYearStart}.pdf",
            };
            db.AnnualReturns.Add(annualReturn);
            await db.SaveChangesAsync();
            return annualReturn;
        });
    }

    /// <summary>One stage of a return's third-sector engagement, for CreateAnnualReturnAsync's stages.</summary>
    public static ReturnStageEngagement Stage(CommissioningStage stage, ThirdSectorInvolvement involvement, EngagementRouteKind[]? kinds = null,
        int? organisations = null, string? note = null) => new()
    {
        Stage = stage,
        Involvement = involvement,
        RouteKinds = [.. kinds ?? []],
        OrganisationCount = organisations,
        Note = note,
    };

    /// <summary>Records that the partnership <paramref name="slug"/> confirmed its directory entry on <paramref name="on"/>.</summary>
    public static Task ConfirmEntryAsync(this PortalFixture fixture, string slug, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        return fixture.WithDbContextAsync(db =>
            db.Partnerships.Where(p => p.Slug == slug).ExecuteUpdateAsync(s => s.SetProperty(p => p.LastConfirmedOn, on)));
    }

    /// <summary>A coordinator of <paramref name="slug"/> who has finished setting up (a password and an authenticator
    /// app), as opposed to <see cref="CreateUserAsync"/>'s account, which has no password.</summary>
    public static async Task<TestUser> CreateActiveCoordinatorAsync(this PortalFixture fixture, string slug)
    {
        var user = await fixture.CreateUserAsync(Roles.Coordinator, slug);
        await fixture.WithDbContextAsync(db =>
            db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.PasswordHash, "not-a-real-hash")
                .SetProperty(u => u.TwoFactorEnabled, true)));
        fixture.ForgetAccountCopies();
        return user;
    }

    private static Task<int> PartnershipIdAsync(AppDbContext db, string slug) =>
        db.Partnerships.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync();
}
