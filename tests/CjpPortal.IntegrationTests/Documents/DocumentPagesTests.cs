using System.Net;
using CjpPortal.Core.Audit;
using CjpPortal.Core.Documents;
using CjpPortal.Core.Identity;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.IntegrationTests.Documents;

/// <summary>The partnership's documents page (/manage/partnerships/{slug}/documents) and documents in its history.</summary>
public sealed class DocumentPagesTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    private const string Slug = "falkirk";

    [Fact]
    public async Task Get_DocumentsPage_ListsEachDocumentWithWhatUsesItAndWhoCanOpenIt()
    {
        // Arrange: the published plan's document, uploaded by the coordinator, and the one it replaced
        var coordinator = await Fixture.CreateUserAsync(Roles.Coordinator, Slug);
        var partnershipId = await PartnershipIdAsync();
        var replaced = await Fixture.CreateDocumentAsync(partnershipId, fileName: "first draft.pdf");
        var current = await Fixture.CreateDocumentAsync(partnershipId, fileName: "plan.pdf");
        await Fixture.WithDbContextAsync(db => db.Documents.Where(d => d.Id == current.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.UploadedById, coordinator.Id)));
        var plan = await Fixture.CreatePlanAsync(Slug, new(2024, 4, 1), new(2029, 3, 31), publishedOn: new(2024, 5, 1));
        await Fixture.WithDbContextAsync(db => db.Cjoips.Where(c => c.Id == plan.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.DocumentId, current.Id)));
        using var client = Fixture.CreateClientAs(coordinator.Id);

        // Act
        var page = await client.GetDocumentAsync($"/manage/partnerships/{Slug}/documents");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var currentRow = page.One($"#document-{current.Id}").TextOf();
        Assert.Contains("Plan 2024 to 2029", currentRow, StringComparison.Ordinal);
        Assert.Contains($"by {coordinator.Email}", currentRow, StringComparison.Ordinal);
        Assert.Contains("Public", currentRow, StringComparison.Ordinal);
        var replacedRow = page.One($"#document-{replaced.Id}").TextOf();
        Assert.Contains("Nothing now (replaced)", replacedRow, StringComparison.Ordinal);
        Assert.Contains("Staff only", replacedRow, StringComparison.Ordinal);
        Assert.Equal($"/documents/{replaced.Id}/first-draft.pdf", page.One($"#document-{replaced.Id} a").GetAttribute("href"));
    }

    [Fact]
    public async Task Get_DocumentsPageOfAnotherPartnership_ShowsNoneOfItsDocuments()
    {
        // Arrange
        var coordinator = await Fixture.CreateUserAsync(Roles.Coordinator, Slug);
        var other = await Fixture.CreateDocumentAsync(await PartnershipIdAsync("fife"), fileName: "fife-plan.pdf");
        using var client = Fixture.CreateClientAs(coordinator.Id);

        // Act
        var page = await client.GetDocumentAsync($"/manage/partnerships/{Slug}/documents");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotNull(page.Document.QuerySelector("#no-documents"));
        Assert.DoesNotContain("fife-plan.pdf", page.Text, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector($"#document-{other.Id}"));
    }

    [Fact]
    public async Task Get_HistoryAfterAnUpload_NamesTheDocumentAndLinksToIt()
    {
        // Arrange: a document saved through the audited save, as an edit page saves it
        var partnershipId = await PartnershipIdAsync();
        var documentId = await Fixture.WithDbContextAsync(async db =>
        {
            var store = new DocumentStore(db, Fixture.Clock);
            var result = await store.AddAsync(partnershipId, "Annual report.pdf", new MemoryStream(SampleDocuments.Pdf()), null, CancellationToken.None);
            await db.SaveChangesAuditedAsync(new AuditActor(Guid.NewGuid(), "uploader@example.org"), Fixture.Clock);
            return result.Document!.Id;
        });
        var staff = await Fixture.CreateUserAsync(Roles.CjsStaff);
        using var client = Fixture.CreateClientAs(staff.Id);

        // Act
        var page = await client.GetDocumentAsync($"/manage/partnerships/{Slug}/history");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var rows = page.Document.QuerySelectorAll("#history tbody tr");
        var fileNameRow = Assert.Single(rows, row => row.TextOf().Contains("File name", StringComparison.Ordinal));
        Assert.Contains("Document: Annual-report.pdf", fileNameRow.TextOf(), StringComparison.Ordinal);
        Assert.Equal($"/documents/{documentId}/Annual-report.pdf", fileNameRow.QuerySelector("td:nth-child(3) a")?.GetAttribute("href"));
        Assert.DoesNotContain(rows, row => row.TextOf().Contains("Uploaded", StringComparison.Ordinal));
    }

    private Task<int> PartnershipIdAsync(string slug = Slug) =>
        Fixture.WithDbContextAsync(db => db.Partnerships.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync());
}
