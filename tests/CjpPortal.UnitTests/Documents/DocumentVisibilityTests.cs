using CjpPortal.Core.Documents;
using CjpPortal.Core.Domain;

namespace CjpPortal.UnitTests.Documents;

public sealed class DocumentVisibilityTests
{
    private const int PartnershipId = 7;
    private static readonly DateOnly Today = new(2026, 6, 15);

    private static readonly DocumentViewer OwnCoordinator = new(false, new HashSet<int> { PartnershipId });
    private static readonly DocumentViewer OtherCoordinator = new(false, new HashSet<int> { 8 });
    private static readonly DocumentViewer NationalStaff = new(true, new HashSet<int>());

    public static TheoryData<string, bool> Uses => new()
    {
        { "none", false },
        { "draft plan", false },
        { "plan published today", true },
        { "plan published tomorrow", false },
        { "plan published last year", true },
        { "statement published today", true },
        { "statement not published", false },
        { "report published yesterday", true },
        { "report published tomorrow", false },
        { "draft plan and published report", true },
    };

    [Theory]
    [MemberData(nameof(Uses))]
    public void IsPublic_DocumentUses_PublicOnceARecordReferringToItIsPublished(string uses, bool expected)
    {
        // Arrange
        var document = Document(uses);

        // Act
        var isPublic = DocumentVisibility.IsPublic(document, Today);

        // Assert
        Assert.Equal(expected, isPublic);
    }

    [Theory]
    [InlineData("draft plan")]
    [InlineData("none")]
    public void MayDownload_DraftOrReplacedDocument_OnlyThePartnershipsStaff(string uses)
    {
        // Arrange
        var document = Document(uses);

        // Act
        var allowed = new[] { DocumentViewer.Anonymous, OtherCoordinator, OwnCoordinator, NationalStaff }
            .Select(viewer => DocumentVisibility.MayDownload(document, viewer, Today)).ToArray();

        // Assert
        Assert.Equal([false, false, true, true], allowed);
    }

    [Fact]
    public void MayDownload_PublishedDocument_Anyone()
    {
        // Arrange
        var document = Document("plan published today");

        // Act
        var allowed = new[] { DocumentViewer.Anonymous, OtherCoordinator, OwnCoordinator, NationalStaff }
            .Select(viewer => DocumentVisibility.MayDownload(document, viewer, Today)).ToArray();

        // Assert
        Assert.Equal([true, true, true, true], allowed);
    }

    private static DocumentFacts Document(string uses)
    {
        var plans = new List<DocumentUse>();
        var statements = new List<DocumentUse>();
        var reports = new List<DocumentUse>();
        var plan = (DateOnly? on) => new DocumentUse(DocumentUseKind.Plan, 1, on, new DateOnly(2024, 4, 1), new DateOnly(2029, 3, 31));
        switch (uses)
        {
            case "draft plan":
                plans.Add(plan(null));
                break;
            case "plan published today":
                plans.Add(plan(Today));
                break;
            case "plan published tomorrow":
                plans.Add(plan(Today.AddDays(1)));
                break;
            case "plan published last year":
                plans.Add(plan(Today.AddYears(-1)));
                break;
            case "statement published today":
                statements.Add(new DocumentUse(DocumentUseKind.ParticipationStatement, 2, Today));
                break;
            case "statement not published":
                statements.Add(new DocumentUse(DocumentUseKind.ParticipationStatement, 2, null));
                break;
            case "report published yesterday":
                reports.Add(new DocumentUse(DocumentUseKind.AnnualReport, 3, Today.AddDays(-1), ReportingYearStart: 2024));
                break;
            case "report published tomorrow":
                reports.Add(new DocumentUse(DocumentUseKind.AnnualReport, 3, Today.AddDays(1), ReportingYearStart: 2024));
                break;
            case "draft plan and published report":
                plans.Add(plan(null));
                reports.Add(new DocumentUse(DocumentUseKind.AnnualReport, 3, Today.AddDays(-1), ReportingYearStart: 2024));
                break;
            default:
                break;
        }

        return new DocumentFacts(1, PartnershipId, "plan.pdf", DocumentFormat.Pdf, 100, new string('0', 64), DateTimeOffset.UnixEpoch, null,
            plans, statements, reports);
    }
}
