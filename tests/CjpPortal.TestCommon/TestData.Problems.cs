using CjpPortal.Core.Problems;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.TestCommon;

public static partial class TestData
{
    /// <summary>An open problem report about the partnership <paramref name="slug"/>, made <paramref name="age"/> ago
    /// (an hour by default) from a client of its own, so it counts towards no other test's rate limit.</summary>
    public static async Task<ProblemReport> CreateProblemReportAsync(this PortalFixture fixture, string slug, string? replyEmail = null,
        TimeSpan? age = null, ProblemKind kind = ProblemKind.ContactDetailsWrong, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        return await fixture.WithDbContextAsync(async db =>
        {
            var report = new ProblemReport
            {
                PartnershipId = await db.Partnerships.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync(),
                Kind = kind,
                Note = note ?? $"Test report {Guid.NewGuid():N}",
                ReplyEmail = replyEmail,
                ReportedAt = fixture.Clock.GetUtcNow() - (age ?? TimeSpan.FromHours(1)),
                ClientKey = ProblemReportService.ClientKeyOf($"test-{Guid.NewGuid():N}"),
            };
            db.ProblemReports.Add(report);
            await db.SaveChangesAsync();
            return report;
        });
    }
}
