using System.Net;
using CjpPortal.Core.Seed;
using CjpPortal.TestCommon;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.IntegrationTests.Home;

[Collection(PortalCollection.Name)]
public sealed class IndexTests(PortalFixture fixture)
{
    [Fact]
    public async Task Get_Home_HasSearchFormThatGetsFind()
    {
        // Act
        var page = await fixture.Client.GetDocumentAsync("/");

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var form = Assert.Single(page.Document.QuerySelectorAll("form[action='/find']"), f => f.QuerySelector("input[name='q']") is not null);
        Assert.Equal("get", form.GetAttribute("method"), ignoreCase: true);
        var input = form.QuerySelector("input[name='q']")!;
        Assert.NotNull(page.Document.QuerySelector($"label[for='{input.Id}']"));
        Assert.NotNull(form.QuerySelector("button[type='submit'], input[type='submit']"));
    }

    [Fact]
    public async Task Get_Home_OffersEveryCouncilAreaToChooseFrom()
    {
        // Act
        var page = await fixture.Client.GetDocumentAsync("/");

        // Assert: a select that submits q to /find, with every council area as an option.
        var select = page.One("form[action='/find'] select[name='q']");
        var options = select.QuerySelectorAll("option").Select(o => o.TextOf()).ToList();
        Assert.All(ReferenceData.CouncilAreas, area => Assert.Contains(area.Name, options));
        Assert.NotNull(page.Document.QuerySelector($"label[for='{select.Id}']"));
    }

    [Fact]
    public async Task Get_Home_LinksToListMapAndDirectory()
    {
        // Act
        var page = await fixture.Client.GetDocumentAsync("/");

        // Assert
        Assert.NotNull(page.Document.QuerySelector("main a[href='/partnerships']"));
        Assert.NotNull(page.Document.QuerySelector("main a[href='/map']"));
        Assert.NotNull(page.Document.QuerySelector("main a[href='/directory']"));
    }

    [Fact]
    public async Task Get_Home_ListsDraftPlansOpenForConsultation()
    {
        // Arrange
        var today = FixedTimeProvider.TestToday;
        var open = await fixture.WithDbContextAsync(db => db.Cjoips
            .Where(c => c.ConsultationOpensOn != null && c.PublishedOn == null && c.ConsultationClosesOn >= today)
            .Select(c => c.Partnership.Slug)
            .ToListAsync());

        // Act
        var page = await fixture.Client.GetDocumentAsync("/");

        // Assert
        Assert.NotEmpty(open);
        foreach (var slug in open)
        {
            Assert.NotNull(page.Document.QuerySelector($"main a[href='/partnerships/{slug}']"));
        }

        Assert.Contains("23 December 2026", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AfterConsultationCloses_NoLongerListsIt()
    {
        // Arrange: the demo consultations close 30 days after the test date.
        var open = await fixture.WithDbContextAsync(db => db.Cjoips
            .Where(c => c.ConsultationOpensOn != null && c.PublishedOn == null)
            .Select(c => c.Partnership.Slug)
            .FirstAsync());
        var original = fixture.Clock.GetUtcNow();
        fixture.Clock.Advance(TimeSpan.FromDays(31));
        await fixture.EvictCachesAsync();
        try
        {
            // Act
            var page = await fixture.Client.GetDocumentAsync("/");

            // Assert
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Null(page.Document.QuerySelector($"main a[href='/partnerships/{open}']"));
            Assert.DoesNotContain("23 December 2026", page.Text, StringComparison.Ordinal);
        }
        finally
        {
            fixture.Clock.SetUtcNow(original);
            await fixture.EvictCachesAsync();
        }
    }
}
