using CjpPortal.Core.Documents;
using CjpPortal.Core.Domain;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CjpPortal.TestCommon;

/// <summary>Builders for uploaded documents.</summary>
public static partial class TestData
{
    /// <summary>A document of partnership <paramref name="partnershipId"/>, stored through <see cref="DocumentStore"/> as an
    /// upload would be: <paramref name="bytes"/> (a <see cref="SampleDocuments"/> file of <paramref name="format"/> when
    /// null) under <paramref name="fileName"/> (e.g. "plan.pdf" when null). Nothing refers to it: set a plan's,
    /// statement's or return's document id to use it.</summary>
    public static async Task<Document> CreateDocumentAsync(this PortalFixture fixture, int partnershipId, DocumentFormat format = DocumentFormat.Pdf,
        byte[]? bytes = null, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        bytes ??= format switch
        {
            DocumentFormat.Docx => SampleDocuments.Docx(),
            DocumentFormat.Odt => SampleDocuments.Odt(),
            _ => SampleDocuments.Pdf(),
        };
        fileName ??= "Sample document" + DocumentContentCheck.Extension(format);
        return await fixture.WithDbContextAsync(async db =>
        {
            var store = new DocumentStore(db, fixture.Factory.Services.GetRequiredService<TimeProvider>());
            using var content = new MemoryStream(bytes);
            var result = await store.AddAsync(partnershipId, fileName, content, uploadedById: null, CancellationToken.None);
            Assert.True(result.Succeeded, result.Message);
            await db.SaveChangesAsync();
            return result.Document!;
        });
    }
}
