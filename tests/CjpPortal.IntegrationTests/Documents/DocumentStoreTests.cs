using CjpPortal.Core;
using CjpPortal.Core.Documents;
using CjpPortal.Core.Domain;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CjpPortal.IntegrationTests.Documents;

/// <summary>The store adds a checked document to the caller's unit of work and saves nothing itself, so a form refused
/// for another reason leaves no file behind; a refused file is never added.</summary>
public sealed class DocumentStoreTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    [Fact]
    public async Task Add_AcceptedFileNotSavedByTheCaller_StoresNothing()
    {
        // Arrange
        var partnershipId = await PartnershipIdAsync();

        // Act: added, and the request ends without a save (the form had another error)
        var result = await WithStoreAsync((store, _) => store.AddAsync(partnershipId, "plan.pdf", new MemoryStream(SampleDocuments.Pdf()), null, CancellationToken.None));

        // Assert
        Assert.True(result.Succeeded);
        Assert.Equal(0, await Fixture.WithDbContextAsync(db => db.Documents.CountAsync()));
    }

    [Fact]
    public async Task Add_AcceptedFileSavedByTheCaller_StoresItsDetailsAndBytes()
    {
        // Arrange
        var partnershipId = await PartnershipIdAsync();
        var user = Guid.NewGuid();
        var bytes = SampleDocuments.Odt("Annual report");

        // Act
        var result = await WithStoreAsync(async (store, db) =>
        {
            var added = await store.AddAsync(partnershipId, @"C:\reports\Annual report 2025.odt", new MemoryStream(bytes), user, CancellationToken.None);
            await db.SaveChangesAsync();
            return added;
        });

        // Assert
        var stored = await Fixture.WithDbContextAsync(db => db.Documents.Include(d => d.Content).SingleAsync(d => d.Id == result.Document!.Id));
        Assert.Equal(("Annual-report-2025.odt", DocumentFormat.Odt, (long)bytes.Length, user, Fixture.Clock.GetUtcNow()),
            (stored.FileName, stored.Format, stored.SizeBytes, stored.UploadedById ?? Guid.Empty, stored.UploadedAt));
        Assert.Equal(bytes, stored.Content!.Bytes);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), stored.Sha256);
    }

    [Theory]
    [InlineData("Empty", "plan.pdf", DocumentProblem.Empty, "The selected file is empty")]
    [InlineData("TooLarge", "plan.pdf", DocumentProblem.TooLarge, "The selected file must be smaller than 20 MB")]
    [InlineData("Png", "plan.pdf", DocumentProblem.NotAllowedType, "The selected file must be a PDF, DOCX or ODT")]
    [InlineData("Odt", "plan.docx", DocumentProblem.ExtensionMismatch, "The selected file is an ODT but its name ends in .docx")]
    public async Task Add_BadFile_RefusedWithGovUkWordingAndNothingAdded(string sample, string fileName, DocumentProblem problem, string message)
    {
        // Arrange
        var partnershipId = await PartnershipIdAsync();
        var bytes = sample switch
        {
            "Empty" => [],
            "TooLarge" => SampleDocuments.Pdf(padToBytes: 21 * 1024 * 1024),
            "Png" => SampleDocuments.Png(),
            _ => SampleDocuments.Odt(),
        };

        // Act
        var (result, tracked) = await WithStoreAsync(async (store, db) =>
        {
            var refused = await store.AddAsync(partnershipId, fileName, new MemoryStream(bytes), null, CancellationToken.None);
            return (refused, db.ChangeTracker.Entries<Document>().Count());
        });

        // Assert
        Assert.Equal((false, problem, message, 0), (result.Succeeded, result.Problem ?? (DocumentProblem)(-1), result.Message, tracked));
    }

    private Task<int> PartnershipIdAsync() =>
        Fixture.WithDbContextAsync(db => db.Partnerships.Where(p => p.Slug == "falkirk").Select(p => p.Id).SingleAsync());

    private async Task<T> WithStoreAsync<T>(Func<DocumentStore, AppDbContext, Task<T>> action)
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<DocumentStore>(), scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
