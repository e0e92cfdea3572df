using CjpPortal.Core.Audit;
using CjpPortal.Core.Domain;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.IntegrationTests.Audit;

/// <summary>The audited save stores a change and its history together: in its own transaction when called alone, and
/// in the caller's when there is one, so "publish and write history and e-mail" is all or nothing.</summary>
[Collection(PortalCollection.Name)]
public sealed class AuditedSaveTests(PortalFixture fixture) : IAsyncLifetime
{
    private const string Slug = "falkirk";
    private static readonly AuditActor Actor = new(Guid.NewGuid(), "auditor@example.org");

    public Task InitializeAsync() => fixture.ResetDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Save_InsideOuterTransactionRolledBack_StoresNeitherChangeNorHistory()
    {
        // Arrange
        var before = await WebsiteAsync();

        // Act
        await fixture.WithDbContextAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var partnership = await db.Partnerships.SingleAsync(p => p.Slug == Slug);
            partnership.Website = "https://rolled-back.example.org";
            await db.SaveChangesAuditedAsync(Actor, fixture.Clock);
            await transaction.RollbackAsync();
        });

        // Assert
        Assert.Equal(before, await WebsiteAsync());
        Assert.Equal(0, await fixture.WithDbContextAsync(db => db.AuditEntries.CountAsync(a => a.UserEmail == Actor.Email)));
    }

    [Fact]
    public async Task Save_InsideOuterTransactionCommitted_StoresChangeAndHistory()
    {
        // Act
        await fixture.WithDbContextAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var partnership = await db.Partnerships.SingleAsync(p => p.Slug == Slug);
            partnership.Website = "https://committed.example.org";
            await db.SaveChangesAuditedAsync(Actor, fixture.Clock);
            await transaction.CommitAsync();
        });

        // Assert
        Assert.Equal("https://committed.example.org", await WebsiteAsync());
        var entry = await fixture.WithDbContextAsync(db => db.AuditEntries.SingleAsync(a => a.UserEmail == Actor.Email));
        Assert.Equal(("Partnership", "Website", "https://committed.example.org"), (entry.Entity, entry.Field, entry.NewValue));
    }

    [Fact]
    public async Task Save_WithoutOuterTransaction_StoresChangeAndHistoryWithItsPartnership()
    {
        // Arrange
        var route = await fixture.WithDbContextAsync(db => db.EngagementRoutes.Where(r => r.Partnership.Slug == Slug)
            .OrderBy(r => r.Id).Select(r => new { r.Id, r.PartnershipId }).FirstAsync());

        // Act
        await fixture.WithDbContextAsync(async db =>
        {
            var stored = await db.EngagementRoutes.SingleAsync(r => r.Id == route.Id);
            stored.Title = "Renamed route";
            stored.IsActive = !stored.IsActive;
            await db.SaveChangesAuditedAsync(Actor, fixture.Clock);
        });

        // Assert
        var entries = await fixture.WithDbContextAsync(db => db.AuditEntries.Where(a => a.UserEmail == Actor.Email)
            .OrderBy(a => a.Field).ToListAsync());
        Assert.Equal(["IsActive", "Title"], entries.Select(e => e.Field));
        Assert.All(entries, e => Assert.Equal((route.PartnershipId, "EngagementRoute", route.Id), (e.PartnershipId ?? 0, e.Entity, e.EntityId)));
        Assert.Equal("Renamed route", entries[1].NewValue);
        Assert.True(entries[0].NewValue is "yes" or "no");
    }

    [Fact]
    public async Task Save_ReferenceToARecordAddedInTheSameSave_RecordsItsSavedId()
    {
        // Act: as a plan refers to the document uploaded with it
        var contactId = await fixture.WithDbContextAsync(async db =>
        {
            var partnership = await db.Partnerships.SingleAsync(p => p.Slug == Slug);
            var contact = new Contact { PartnershipId = partnership.Id, Name = "New fallback", Role = "Officer" };
            partnership.FallbackContact = contact;
            await db.SaveChangesAuditedAsync(Actor, fixture.Clock);
            return contact.Id;
        });

        // Assert: the id it was saved with, not EF's placeholder
        var recorded = await fixture.WithDbContextAsync(db => db.AuditEntries
            .SingleAsync(a => a.UserEmail == Actor.Email && a.Entity == "Partnership" && a.Field == "FallbackContactId"));
        Assert.Equal(contactId.ToString(System.Globalization.CultureInfo.InvariantCulture), recorded.NewValue);
    }

    private Task<string?> WebsiteAsync() =>
        fixture.WithDbContextAsync(db => db.Partnerships.Where(p => p.Slug == Slug).Select(p => p.Website).SingleAsync());
}
