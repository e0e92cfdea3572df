using System.Net;
using DocumentFormat = CjpPortal.Core.Domain.DocumentFormat;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;
using static CjpPortal.IntegrationTests.Manage.ManageUsers;

namespace CjpPortal.IntegrationTests.Manage;

/// <summary>A plan, its participation statement and an annual report given as an uploaded file instead of a link: the
/// file is stored with the record in one save, the public pages link it once the record is public, and a refused file
/// saves nothing. The test day is 23 November 2026.</summary>
public sealed class DocumentUploadTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    private const string PlansUrl = $"/manage/partnerships/{Partnership}/plans";

    [Fact]
    public async Task Post_NewPlanWithUploadedPdf_StoresItAndThePublishedPlanLinksItForAnyone()
    {
        // Arrange
        using var client = await CoordinatorAsync(Fixture);
        var form = await client.GetDocumentAsync($"{PlansUrl}/new");
        var pdf = SampleDocuments.Pdf("Falkirk plan 2028 to 2033", padToBytes: 50_000);

        // Act
        var saved = await client.SubmitWithFileAsync(form, EditForms.Filled(form, ("PeriodStart", "2028-04-01"), ("PeriodEnd", "2033-03-31")),
            "PlanFile", "Falkirk plan 2028.pdf", pdf);
        await Fixture.WithDbContextAsync(db => db.Cjoips.ExecuteUpdateAsync(s => s.SetProperty(c => c.PublishedOn, new DateOnly(2026, 11, 1))));
        await Fixture.EvictCachesAsync();
        var publicPage = await Fixture.Client.GetDocumentAsync($"/partnerships/{Partnership}");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var plan = await Fixture.WithDbContextAsync(db => db.Cjoips.Include(c => c.Document).SingleAsync());
        Assert.Null(plan.Link);
        Assert.Equal(("Falkirk-plan-2028.pdf", DocumentFormat.Pdf), (plan.Document!.FileName, plan.Document.Format));
        var href = $"/documents/{plan.DocumentId}/Falkirk-plan-2028.pdf";
        Assert.NotNull(publicPage.Document.QuerySelector($"main a[href='{href}']"));
        var download = await Fixture.Client.GetAsync(new Uri(href, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        var csv = await Fixture.Client.GetStringAsync(new Uri($"/compare?areas=S12000014,S12000023&format=csv", UriKind.Relative));
        Assert.Matches($"https?://[^,/]+{href}", csv);
    }

    [Fact]
    public async Task Post_NewPlanWithAPictureNamedPdf_Returns400AndSavesNeitherPlanNorFile()
    {
        // Arrange
        using var client = await CoordinatorAsync(Fixture);
        var form = await client.GetDocumentAsync($"{PlansUrl}/new");

        // Act
        var page = await client.SubmitWithFileAsync(form, EditForms.Filled(form, ("PeriodStart", "2028-04-01"), ("PeriodEnd", "2033-03-31")),
            "PlanFile", "plan.pdf", SampleDocuments.Png());

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("The selected file must be", page.One(".ds_error-summary").TextOf(), StringComparison.Ordinal);
        Assert.Equal((0, 0), await Fixture.WithDbContextAsync(async db => (await db.Cjoips.CountAsync(), await db.Documents.CountAsync())));
    }

    [Fact]
    public async Task Post_PlanWithFileAndLinkTogether_Returns400AndSavesNothing()
    {
        // Arrange
        using var client = await CoordinatorAsync(Fixture);
        var form = await client.GetDocumentAsync($"{PlansUrl}/new");

        // Act
        var page = await client.SubmitWithFileAsync(form,
            EditForms.Filled(form, ("PeriodStart", "2028-04-01"), ("PeriodEnd", "2033-03-31"), ("Link", "https://falkirk.example.org/plan.pdf")),
            "PlanFile", "plan.pdf", SampleDocuments.Pdf());

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("Upload a file or give a link to one, not both", page.One(".ds_error-summary").TextOf(), StringComparison.Ordinal);
        Assert.Equal((0, 0), await Fixture.WithDbContextAsync(async db => (await db.Cjoips.CountAsync(), await db.Documents.CountAsync())));
    }

    [Fact]
    public async Task Post_StatementWithUploadedDocx_StoresItAndReplacesTheLink()
    {
        // Arrange
        var plan = await Fixture.CreatePlanAsync(Partnership, new(2023, 4, 1), new(2028, 3, 31), publishedOn: new(2023, 6, 1), statementPublishedOn: new(2023, 6, 2));
        using var client = await CoordinatorAsync(Fixture);
        var form = await client.GetDocumentAsync($"{PlansUrl}/{plan.Id}/statement");

        // Act
        var saved = await client.SubmitWithFileAsync(form, EditForms.Filled(form, ("Link", "")), "StatementFile", "statement.docx", SampleDocuments.Docx());

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var statement = await Fixture.WithDbContextAsync(db => db.ParticipationStatements.Include(s => s.Document).SingleAsync());
        Assert.Null(statement.Link);
        Assert.Equal(DocumentFormat.Docx, statement.Document!.Format);
    }

    [Fact]
    public async Task Post_ReturnWithUploadedOdtReport_StoresItAndThePublicPageLinksTheReport()
    {
        // Arrange
        using var client = await CoordinatorAsync(Fixture);
        var form = await client.GetDocumentAsync($"/manage/partnerships/{Partnership}/returns/2024");
        var odt = SampleDocuments.Odt("Falkirk annual report 2024 to 2025");

        // Act
        var saved = await client.SubmitWithFileAsync(form,
            EditForms.Filled(form, ("SubmittedOn", "2025-10-01"), ("PublishedOn", "2025-11-01"), ("PublishedReportLink", "")),
            "ReportFile", "Annual report.odt", odt);
        await Fixture.EvictCachesAsync();
        var publicPage = await Fixture.Client.GetDocumentAsync($"/partnerships/{Partnership}");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var annualReturn = await Fixture.WithDbContextAsync(db => db.AnnualReturns.Include(r => r.ReportDocument).SingleAsync());
        Assert.Equal(("Annual-report.odt", DocumentFormat.Odt), (annualReturn.ReportDocument!.FileName, annualReturn.ReportDocument.Format));
        var href = $"/documents/{annualReturn.ReportDocumentId}/Annual-report.odt";
        Assert.NotNull(publicPage.Document.QuerySelector($"main a[href='{href}']"));
        Assert.Equal(odt, await (await Fixture.Client.GetAsync(new Uri(href, UriKind.Relative))).Content.ReadAsByteArrayAsync());
    }
}
