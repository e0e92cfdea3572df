using CjpPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.TestCommon;

/// <summary>Builders for what the public directory and partnership pages show. They write to the database only: call
/// <see cref="PortalFixture.EvictCachesAsync"/> once the test's rows are in.</summary>
public static partial class TestData
{
    /// <summary>A published contact of <paramref name="slug"/>, the coordinator unless <paramref name="isCoordinator"/> is false.</summary>
    public static async Task<Contact> CreatePublishedContactAsync(
        this PortalFixture fixture, string slug, string name, string role = "Community Justice Coordinator", bool isCoordinator = true, string? email = null, string? phone = null)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        return await fixture.WithDbContextAsync(async db =>
        {
            var partnershipId = await db.Partnerships.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync();
            var last = await db.Contacts.Where(c => c.PartnershipId == partnershipId).MaxAsync(c => (int?)c.DisplayOrder) ?? 0;
            var contact = new Contact
            {
                PartnershipId = partnershipId,
                Name = name,
                Role = role,
                IsCoordinator = isCoordinator,
                Email = email,
                Phone = phone,
                IsPublished = true,
                DisplayOrder = last + 1,
            };
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
            return contact;
        });
    }

    /// <summary>The Third Sector Interface of the council area named <paramref name="areaName"/>.</summary>
    public static async Task<ThirdSectorInterface> CreateTsiAsync(
        this PortalFixture fixture, string areaName, string name, string? email = null, string? phone = null, string? website = null)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        return await fixture.WithDbContextAsync(async db =>
        {
            var areaId = await db.CouncilAreas.Where(a => a.Name == areaName).Select(a => a.Id).SingleAsync();
            var tsi = new ThirdSectorInterface { CouncilAreaId = areaId, Name = name, Email = email, Phone = phone, Website = website };
            db.ThirdSectorInterfaces.Add(tsi);
            await db.SaveChangesAsync();
            return tsi;
        });
    }

    /// <summary>The annual return of <paramref name="slug"/> for the reporting year starting in April <paramref name="reportingYearStart"/>.</summary>
    public static async Task<AnnualReturn> CreateAnnualReturnAsync(
        this PortalFixture fixture, string slug, int reportingYearStart, DateOnly dueOn, DateOnly? submittedOn = null, string? publishedReportLink = null)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        return await fixture.WithDbContextAsync(async db =>
        {
            var partnershipId = await db.Partnerships.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync();
            var annualReturn = new AnnualReturn
            {
                PartnershipId = partnershipId,
                ReportingYearStart = reportingYearStart,
                DueOn = dueOn,
                SubmittedOn = submittedOn,
                PublishedReportLink = publishedReportLink,
                PublishedOn = publishedReportLink is null ? null : dueOn.AddDays(-30),
            };
            db.AnnualReturns.Add(annualReturn);
            await db.SaveChangesAsync();
            return annualReturn;
        });
    }

    /// <summary>A draft plan of <paramref name="slug"/> out for consultation.</summary>
    public static async Task<Cjoip> CreatePlanInConsultationAsync(
        this PortalFixture fixture, string slug, DateOnly periodStart, DateOnly? closesOn, string? link = null)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        return await fixture.WithDbContextAsync(async db =>
        {
            var partnershipId = await db.Partnerships.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync();
            var plan = new Cjoip
            {
                PartnershipId = partnershipId,
                PeriodStart = periodStart,
                PeriodEnd = periodStart.AddYears(5).AddDays(-1),
                // Without a closing date it opened a week before the test day: open, with no end given.
                ConsultationOpensOn = closesOn?.AddDays(-42) ?? FixedTimeProvider.TestToday.AddDays(-7),
                ConsultationClosesOn = closesOn,
                Link = link,
            };
            db.Cjoips.Add(plan);
            await db.SaveChangesAsync();
            return plan;
        });
    }

    /// <summary>Sets when <paramref name="slug"/> last confirmed its entry.</summary>
    public static async Task SetLastConfirmedAsync(this PortalFixture fixture, string slug, DateOnly? confirmedOn)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        await fixture.WithDbContextAsync(async db =>
        {
            var partnership = await db.Partnerships.SingleAsync(p => p.Slug == slug);
            partnership.LastConfirmedOn = confirmedOn;
            await db.SaveChangesAsync();
        });
    }
}
