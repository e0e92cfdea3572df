using CjpPortal.BrowserTests.Infrastructure;
using CjpPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CjpPortal.BrowserTests.Journeys;

/// <summary>Community Justice Scotland staff use the dashboard to find who has not published a participation
/// statement. The journey prepares its own rows (every current plan has a published statement except three
/// partnerships') and puts the demo data back afterwards; axe-core checks each page at 1280 and 375 px.</summary>
[Collection(PortalCollection.Name)]
public sealed class DashboardJourneyTests(PortalFixture portal)
{
    private static readonly string[] Prepared = ["angus", "fife", "orkney"];

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task CJS_staff_filter_the_dashboard_to_no_participation_statement_and_see_exactly_the_prepared_partnerships(int width)
    {
        // Arrange
        var restore = await PrepareAsync();
        try
        {
            await using var session = await portal.OpenAsAsync(CoordinatorSignIn.CjsStaff);
            var page = session.Page;
            await page.SetViewportSizeAsync(width, 900);
            await page.GotoAsync("/national");
            await AxeAssert.NoViolationsAsync(page);
            await page.GetByRole(AriaRole.Link, new() { Name = "Dashboard", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Dashboard");
            await AxeAssert.NoViolationsAsync(page);

            // Act: the design system draws the box over the label, so people (and the test) click the label
            await page.Locator("label", new() { HasText = "No participation statement for the current plan" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();

            // Assert
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("problem=no-statement"));
            await Expect(page.Locator("#dashboard-summary")).ToContainTextAsync($"Showing {Prepared.Length} of");
            var shown = await page.Locator("#dashboard-table tbody tr[id^='row-']").EvaluateAllAsync<string[]>("rows => rows.map(r => r.id.substring(4))");
            Assert.Equal(Prepared, shown.Order(StringComparer.Ordinal));
            await AxeAssert.NoViolationsAsync(page);
        }
        finally
        {
            await restore();
        }
    }

    /// <summary>Publishes a statement for every current plan except the prepared partnerships' (whose statements are
    /// unpublished), and returns how to put the demo data back.</summary>
    private async Task<Func<Task>> PrepareAsync()
    {
        var unpublished = new Dictionary<int, DateOnly?>();
        var added = new List<int>();
        await portal.WithDbContextAsync(async db =>
        {
            var plans = await db.Cjoips.Include(c => c.ParticipationStatement).Include(c => c.Partnership)
                .Where(c => c.PublishedOn != null).ToListAsync();
            foreach (var plan in plans)
            {
                if (Prepared.Contains(plan.Partnership.Slug))
                {
                    if (plan.ParticipationStatement is { } statement)
                    {
                        unpublished[statement.Id] = statement.PublishedOn;
                        statement.PublishedOn = null;
                    }
                }
                else if (plan.ParticipationStatement is null)
                {
                    plan.ParticipationStatement = new ParticipationStatement { PublishedOn = plan.PublishedOn, Link = $"https://{plan.Partnership.Slug}.example.org/journey-statement.pdf" };
                }
            }

            await db.SaveChangesAsync();
            added.AddRange(plans.Where(p => p.ParticipationStatement?.Link?.EndsWith("/journey-statement.pdf", StringComparison.Ordinal) == true)
                .Select(p => p.ParticipationStatement!.Id));
        });

        return () => portal.WithDbContextAsync(async db =>
        {
            await db.ParticipationStatements.Where(s => added.Contains(s.Id)).ExecuteDeleteAsync();
            foreach (var (id, publishedOn) in unpublished)
            {
                await db.ParticipationStatements.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.PublishedOn, publishedOn));
            }
        });
    }
}
