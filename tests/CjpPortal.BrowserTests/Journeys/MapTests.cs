using System.Text.Json;
using System.Text.RegularExpressions;
using CjpPortal.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CjpPortal.BrowserTests.Journeys;

/// <summary>Visitors find their partnership on the map of Scotland: keyboard users see where focus is and which
/// area it is on (WCAG 2.2 2.4.11), and the small areas of the central belt are big enough to tap or click.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class MapTests(PortalFixture portal)
{
    /// <summary>WCAG 2.2 2.5.8 target size (minimum): 24 by 24 CSS pixels.</summary>
    private const double MinimumTarget = 24;

    private static readonly string[] SmallAreas =
    [
        "Clackmannanshire", "West Dunbartonshire", "Inverclyde", "East Renfrewshire", "Renfrewshire", "Falkirk",
        "East Lothian", "Midlothian", "West Lothian", "East Dunbartonshire",
    ];

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task A_keyboard_user_tabs_through_the_map_and_sees_each_focused_area_and_its_name_on_screen()
    {
        // Arrange
        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await page.SetViewportSizeAsync(1280, 720);
        // The design system scrolls smoothly; with reduced motion the page is where it ends up as soon as focus moves.
        await page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });
        await page.GotoAsync("/map");
        await AxeAssert.NoViolationsAsync(page);
        var areas = await page.Locator(".cjp-map__svg a.cjp-map__link:not([tabindex='-1'])").CountAsync();
        Assert.True(areas >= 30, $"the map has {areas} links");
        var failures = new List<string>();

        // Act: Tab from the top of the page to the first area, then through every area.
        await page.Locator(".cjp-map__svg a.cjp-map__link").First.FocusAsync();
        for (var i = 0; i < areas; i++)
        {
            if (i > 0)
            {
                await page.Keyboard.PressAsync("Tab");
            }

            var focus = JsonSerializer.Deserialize<FocusedArea>(await page.EvaluateAsync<string>(
                """
                () => {
                    const link = document.activeElement.closest('a.cjp-map__link');
                    if (!link) { return JSON.stringify({ label: null }); }
                    const area = link.getBoundingClientRect();
                    const name = [...document.querySelectorAll('.cjp-map__name')].find(n => n.getClientRects().length > 0 && getComputedStyle(n).visibility !== 'hidden');
                    const nameBox = name ? name.getBoundingClientRect() : null;
                    return JSON.stringify({
                        label: link.getAttribute('aria-label'),
                        areaTop: area.top, areaBottom: area.bottom, areaLeft: area.left, areaRight: area.right,
                        name: name ? name.textContent.trim() : null,
                        nameTop: nameBox?.top ?? 0, nameBottom: nameBox?.bottom ?? 0, nameLeft: nameBox?.left ?? 0, nameRight: nameBox?.right ?? 0,
                        viewportWidth: document.documentElement.clientWidth, viewportHeight: document.documentElement.clientHeight,
                    });
                }
                """), JsonOptions)!;

            // Assert
            if (focus.Label is null)
            {
                failures.Add($"Tab {i}: focus left the map");
                break;
            }

            var areaName = focus.Label.Split(':')[0];
            if (focus.AreaBottom <= 0 || focus.AreaTop >= focus.ViewportHeight || focus.AreaRight <= 0 || focus.AreaLeft >= focus.ViewportWidth)
            {
                failures.Add($"{areaName}: focused, but off screen ({focus.AreaTop:0} to {focus.AreaBottom:0} px of {focus.ViewportHeight})");
            }

            if (focus.Name != areaName)
            {
                failures.Add($"{areaName}: focused, but the map shows the name '{focus.Name}'");
            }
            else if (focus.NameTop < 0 || focus.NameBottom > focus.ViewportHeight || focus.NameLeft < 0 || focus.NameRight > focus.ViewportWidth)
            {
                failures.Add($"{areaName}: its name is shown off screen ({focus.NameLeft:0},{focus.NameTop:0} to {focus.NameRight:0},{focus.NameBottom:0})");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task A_visitor_with_a_mouse_or_a_finger_has_a_big_enough_target_for_each_small_central_belt_area(int width)
    {
        // Arrange
        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await page.SetViewportSizeAsync(width, 800);
        await page.GotoAsync("/map");
        await AxeAssert.NoViolationsAsync(page);

        // Act
        var targets = JsonSerializer.Deserialize<Dictionary<string, double[]>>(await page.EvaluateAsync<string>(
            """
            names => {
                const result = {};
                for (const name of names) {
                    const boxes = [...document.querySelectorAll('.cjp-map a.cjp-map__link')]
                        .filter(a => a.getAttribute('aria-label').startsWith(name + ':'))
                        .map(a => a.getBoundingClientRect());
                    const best = boxes.sort((a, b) => Math.min(b.width, b.height) - Math.min(a.width, a.height))[0];
                    result[name] = best ? [best.width, best.height] : [0, 0];
                }
                return JSON.stringify(result);
            }
            """, SmallAreas))!;

        // Assert
        var small = targets.Where(t => t.Value.Min() < MinimumTarget).Select(t => $"{t.Key} ({t.Value[0]:0} x {t.Value[1]:0} px)").ToList();
        Assert.True(small.Count == 0, $"At {width} px these areas are smaller than {MinimumTarget} x {MinimumTarget} px: {string.Join(", ", small)}");

        // Act: the enlarged target works like the area on the map.
        var clackmannanshire = page.Locator(".cjp-map__inset a.cjp-map__link[aria-label^='Clackmannanshire:']");
        await clackmannanshire.ClickAsync();

        // Assert
        await Expect(page).ToHaveURLAsync(PartnershipUrl());
    }

    [GeneratedRegex("/partnerships/[a-z-]+$")]
    private static partial Regex PartnershipUrl();

    private sealed record FocusedArea(
        string? Label, double AreaTop, double AreaBottom, double AreaLeft, double AreaRight, string? Name,
        double NameTop, double NameBottom, double NameLeft, double NameRight, double ViewportWidth, double ViewportHeight);
}
