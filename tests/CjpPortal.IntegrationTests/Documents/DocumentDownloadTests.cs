using System.Net;
using System.Security.Cryptography;
using CjpPortal.Core.Documents;
using CjpPortal.Core.Domain;
using CjpPortal.Core.Identity;
using CjpPortal.TestCommon;
using CjpPortal.Web.Endpoints;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CjpPortal.IntegrationTests.Documents;

/// <summary>/documents/{id}/{file-name}: a document uploaded through <see cref="DocumentStore"/> comes back byte for
/// byte, as what it is, with headers that stop a browser running or sniffing it; a published one for anyone, a draft's
/// (or a replaced one) only for the partnership's coordinators and national staff, and to anyone else it does not
/// exist. The test day is 23 November 2026.</summary>
public sealed class DocumentDownloadTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    private const string Slug = "falkirk";
    private static readonly DateOnly Today = FixedTimeProvider.TestToday;

    [Fact]
    public async Task Get_PublishedPlansDocument_RoundTripsByteForByteWithItsHeaders()
    {
        // Arrange: a 3 MB PDF uploaded as a published plan's document
        var bytes = SampleDocuments.Pdf(padToBytes: 3 * 1024 * 1024);
        bytes[^2] = 0xFF; // not all text, so nothing may re-encode it on the way
        var document = await UploadAsync(bytes, "Falkirk CJOIP 2024–2029.pdf");
        await PlanWithDocumentAsync(document.Id, publishedOn: Today.AddDays(-10));

        // Act
        using var response = await Fixture.Client.GetAsync(new Uri($"/documents/{document.Id}/Falkirk-CJOIP-2024-2029.pdf", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Falkirk-CJOIP-2024-2029.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal([DocumentDownload.PdfContentSecurityPolicy], response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal($"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))}\"", response.Headers.ETag?.Tag);
        Assert.Equal((true, TimeSpan.FromSeconds(600)), (response.Headers.CacheControl?.Public ?? false, response.Headers.CacheControl?.MaxAge ?? TimeSpan.Zero));
    }

    [Theory]
    [InlineData(DocumentFormat.Docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Statement.docx")]
    [InlineData(DocumentFormat.Odt, "application/vnd.oasis.opendocument.text", "Statement.odt")]
    public async Task Get_WordProcessorDocument_IsAnAttachmentOfItsType(DocumentFormat format, string contentType, string fileName)
    {
        // Arrange
        var document = await Fixture.CreateDocumentAsync(await PartnershipIdAsync(), format, fileName: fileName);
        await PlanWithDocumentAsync(document.Id, publishedOn: Today);

        // Act
        using var response = await Fixture.Client.GetAsync(new Uri($"/documents/{document.Id}/{fileName}", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([DocumentDownload.ContentSecurityPolicy], response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(("attachment", fileName), (response.Content.Headers.ContentDisposition?.DispositionType, response.Content.Headers.ContentDisposition?.FileName));
    }

    [Fact]
    public async Task Get_AccentedName_HasAnAsciiNameAndTheFullOne()
    {
        // Arrange
        var document = await Fixture.CreateDocumentAsync(await PartnershipIdAsync(), DocumentFormat.Docx, fileName: "Plana Gàidhlig.docx");
        await PlanWithDocumentAsync(document.Id, publishedOn: Today);

        // Act
        using var response = await Fixture.Client.GetAsync(new Uri($"/documents/{document.Id}/{Uri.EscapeDataString(document.FileName)}", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.Equal(("Plana-Gaidhlig.docx", "Plana-Gàidhlig.docx"), (disposition?.FileName, disposition?.FileNameStar));
    }

    [Fact]
    public async Task Get_DraftPlansDocument_NotFoundForAnonymousAndAnotherPartnershipsCoordinator()
    {
        // Arrange
        var document = await Fixture.CreateDocumentAsync(await PartnershipIdAsync());
        await PlanWithDocumentAsync(document.Id, publishedOn: null);
        var other = await Fixture.CreateUserAsync(Roles.Coordinator, "fife");
        using var otherClient = Fixture.CreateClientAs(other.Id);
        var url = new Uri($"/documents/{document.Id}/{document.FileName}", UriKind.Relative);

        // Act
        using var anonymous = await Fixture.Client.GetAsync(url);
        using var otherCoordinator = await otherClient.GetAsync(url);

        // Assert
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (anonymous.StatusCode, otherCoordinator.StatusCode));
        Assert.DoesNotContain(document.FileName, await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_DocumentPublishedTomorrow_NotFoundForAnonymous()
    {
        // Arrange
        var document = await Fixture.CreateDocumentAsync(await PartnershipIdAsync());
        await PlanWithDocumentAsync(document.Id, publishedOn: Today.AddDays(1));

        // Act
        using var response = await Fixture.Client.GetAsync(new Uri($"/documents/{document.Id}/{document.FileName}", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.CjsStaff)]
    [InlineData(Roles.Administrator)]
    public async Task Get_DraftPlansDocument_DownloadedByThePartnershipsStaffWithoutCaching(string role)
    {
        // Arrange
        var bytes = SampleDocuments.Pdf("Draft plan");
        var document = await UploadAsync(bytes, "draft.pdf");
        await PlanWithDocumentAsync(document.Id, publishedOn: null);
        var user = await Fixture.CreateUserAsync(role, role == Roles.Coordinator ? new[] { Slug } : Array.Empty<string>());
        using var client = Fixture.CreateClientAs(user.Id);

        // Act
        using var response = await client.GetAsync(new Uri($"/documents/{document.Id}/draft.pdf", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((true, true), (response.Headers.CacheControl?.Private ?? false, response.Headers.CacheControl?.NoStore ?? false));
    }

    [Fact]
    public async Task Get_ReplacedDocument_StaffStillDownloadItAnonymousDoNot()
    {
        // Arrange: the published plan's document replaced by another
        var old = await Fixture.CreateDocumentAsync(await PartnershipIdAsync(), fileName: "old.pdf");
        var plan = await PlanWithDocumentAsync(old.Id, publishedOn: Today.AddDays(-30));
        var replacement = await Fixture.CreateDocumentAsync(await PartnershipIdAsync(), fileName: "new.pdf");
        await Fixture.WithDbContextAsync(db => db.Cjoips.Where(c => c.Id == plan).ExecuteUpdateAsync(s => s.SetProperty(c => c.DocumentId, replacement.Id)));
        var staff = await Fixture.CreateUserAsync(Roles.CjsStaff);
        using var staffClient = Fixture.CreateClientAs(staff.Id);
        var url = new Uri($"/documents/{old.Id}/old.pdf", UriKind.Relative);

        // Act
        using var anonymous = await Fixture.Client.GetAsync(url);
        using var byStaff = await staffClient.GetAsync(url);
        using var replacementForAnyone = await Fixture.Client.GetAsync(new Uri($"/documents/{replacement.Id}/new.pdf", UriKind.Relative));

        // Assert
        Assert.Equal(
            (HttpStatusCode.NotFound, HttpStatusCode.OK, HttpStatusCode.OK),
            (anonymous.StatusCode, byStaff.StatusCode, replacementForAnyone.StatusCode));
    }

    [Fact]
    public async Task Get_PublishedDocumentUnderAnotherName_RedirectsPermanentlyToItsName()
    {
        // Arrange
        var document = await Fixture.CreateDocumentAsync(await PartnershipIdAsync(), fileName: "plan.pdf");
        await PlanWithDocumentAsync(document.Id, publishedOn: Today);

        // Act
        using var response = await Fixture.Client.GetAsync(new Uri($"/documents/{document.Id}/old-name.pdf", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"/documents/{document.Id}/plan.pdf", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Get_DraftDocumentUnderAnotherName_NotFoundForAnonymousWithoutItsName()
    {
        // Arrange
        var document = await Fixture.CreateDocumentAsync(await PartnershipIdAsync(), fileName: "secret-draft.pdf");
        await PlanWithDocumentAsync(document.Id, publishedOn: null);

        // Act
        using var response = await Fixture.Client.GetAsync(new Uri($"/documents/{document.Id}/x.pdf", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Get_UnknownDocument_NotFound()
    {
        // Act
        using var response = await Fixture.Client.GetAsync(new Uri("/documents/987654/plan.pdf", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Head_PublishedDocument_HeadersWithoutTheBytes()
    {
        // Arrange
        var bytes = SampleDocuments.Pdf(padToBytes: 50_000);
        var document = await UploadAsync(bytes, "plan.pdf");
        await PlanWithDocumentAsync(document.Id, publishedOn: Today);

        // Act
        using var request = new HttpRequestMessage(HttpMethod.Head, new Uri($"/documents/{document.Id}/plan.pdf", UriKind.Relative));
        using var response = await Fixture.Client.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Get_WithTheDocumentsETag_NotModified()
    {
        // Arrange
        var document = await Fixture.CreateDocumentAsync(await PartnershipIdAsync(), fileName: "plan.pdf");
        await PlanWithDocumentAsync(document.Id, publishedOn: Today);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/documents/{document.Id}/plan.pdf", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("If-None-Match", $"\"{document.Sha256}\"");

        // Act
        using var response = await Fixture.Client.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData(DocumentUseKind.ParticipationStatement)]
    [InlineData(DocumentUseKind.AnnualReport)]
    public async Task Get_PublishedStatementOrReportDocument_Public(DocumentUseKind kind)
    {
        // Arrange
        var document = await Fixture.CreateDocumentAsync(await PartnershipIdAsync(), fileName: "doc.pdf");
        if (kind == DocumentUseKind.ParticipationStatement)
        {
            var plan = await Fixture.CreatePlanAsync(Slug, new(2024, 4, 1), new(2029, 3, 31), statementPublishedOn: Today);
            await Fixture.WithDbContextAsync(db => db.ParticipationStatements.Where(s => s.CjoipId == plan.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.DocumentId, document.Id)));
        }
        else
        {
            var annualReturn = await Fixture.CreateAnnualReturnAsync(Slug, 2024, submittedOn: new(2025, 9, 1), publishedOn: new(2025, 10, 1));
            await Fixture.WithDbContextAsync(db => db.AnnualReturns.Where(r => r.Id == annualReturn.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReportDocumentId, document.Id)));
        }

        // Act
        using var response = await Fixture.Client.GetAsync(new Uri($"/documents/{document.Id}/doc.pdf", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private Task<int> PartnershipIdAsync() =>
        Fixture.WithDbContextAsync(db => db.Partnerships.Where(p => p.Slug == Slug).Select(p => p.Id).SingleAsync());

    private async Task<Document> UploadAsync(byte[] bytes, string fileName) =>
        await Fixture.CreateDocumentAsync(await PartnershipIdAsync(), DocumentContentCheck.FormatOfName(fileName) ?? DocumentFormat.Pdf, bytes, fileName);

    /// <summary>A plan of falkirk whose document is <paramref name="documentId"/>; its id.</summary>
    private async Task<int> PlanWithDocumentAsync(int documentId, DateOnly? publishedOn)
    {
        var plan = await Fixture.CreatePlanAsync(Slug, new(2024, 4, 1), new(2029, 3, 31), publishedOn: publishedOn);
        await Fixture.WithDbContextAsync(db => db.Cjoips.Where(c => c.Id == plan.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.DocumentId, documentId).SetProperty(c => c.Link, (string?)null)));
        return plan.Id;
    }
}
