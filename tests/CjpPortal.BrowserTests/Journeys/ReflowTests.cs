using System.Text.Json;
using CjpPortal.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CjpPortal.BrowserTests.Journeys;

/// <summary>
/// People read the portal on phones, on laptops, zoomed in to 400 % and on wide monitors. Only a data table may
/// scroll sideways, and only inside its own labelled region; everything else reflows (WCAG 2.2 1.4.10). Each test
/// loads a page once and resizes the window through the widths, measuring boxes the way a person would see them.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ReflowTests(PortalFixture portal)
{
    private static readonly int[] NarrowWidths = [320, 375, 640];
    private static readonly int[] WideWidths = [1280, 1920];
    private const int Height = 900;
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static readonly string[] PublicPages = ["/", "/directory", "/partnerships/falkirk", "/partnerships/ayrshire", "/accessibility", "/privacy", "/map", "/consultations", "/participation-statements", "/compare?areas=S12000014,S12000021,S12000023", "/engagement", "/organisations", "/organisations?q=mentle+helth&theme=mental-health", "/organisations/new", "/organisations/new/check-your-email", "/organisations/new/confirmed", "/directory/editions", "/subscribe", "/report-a-problem?partnership=falkirk", "/updates", "/partnerships/falkirk/updates"];

    private static readonly string[] SignedInDataPages =
    [
        "/manage/partnerships/falkirk/history", "/manage/partnerships/falkirk/documents", "/manage/partnerships/falkirk/plans", "/national", "/national/coordinators", "/national/history",
        "/national/partnerships", "/national/partnerships/ayrshire", "/admin/staff", "/national/dashboard", "/national/dashboard/remind",
        "/national/engagement", "/manage/partnerships/falkirk/returns", "/manage/partnerships/falkirk/returns/2024",
        "/admin/outbox", "/admin/outbox/suppressions", "/manage/partnerships/falkirk/review", "/national/refresh", "/national/refresh/edition",
        "/manage/problems?status=all", "/manage/organisations",
        "/manage/partnerships/falkirk/updates", "/manage/partnerships/falkirk/updates/new", "/national/updates", "/national/updates/new",
    ];

    [Fact]
    public async Task A_CJS_officer_on_a_wide_screen_sees_each_data_table_inside_the_window_and_the_text_where_it_always_is()
    {
        // Arrange
        await using var visitor = await portal.OpenAsync();
        await using var officer = await portal.OpenAsAsync(CoordinatorSignIn.Administrator);
        var failures = new List<string>();

        foreach (var (page, path) in PublicPages.Where(p => p == "/directory").Select(p => (visitor.Page, p))
            .Concat(SignedInDataPages.Select(p => (officer.Page, p))))
        {
            // Act
            await page.SetViewportSizeAsync(WideWidths[0], Height);
            await OpenAsync(page, path);
            await AxeAssert.NoViolationsAsync(page);

            foreach (var width in WideWidths)
            {
                await page.SetViewportSizeAsync(width, Height);
                var layout = await MeasureAsync(page);

                // Assert
                var at = $"{path} at {width} px";
                if (layout.PageWidth > layout.ViewportWidth)
                {
                    failures.Add($"{at}: the page is {layout.PageWidth} px wide, so the whole page scrolls sideways");
                }

                if (Math.Abs(layout.HeadingLeft - layout.SiteTitleLeft) > 1)
                {
                    failures.Add($"{at}: the heading starts at {layout.HeadingLeft:0} px, the site title at {layout.SiteTitleLeft:0} px");
                }

                foreach (var table in layout.Tables)
                {
                    failures.AddRange(TableFailures(at, table, layout.ViewportWidth));
                }

                if (path == "/directory" && layout.Tables.Count == 1 && layout.Tables[0].Right - layout.Tables[0].Left < width - 100)
                {
                    failures.Add($"{at}: the directory table has only {layout.Tables[0].Right - layout.Tables[0].Left:0} px of the window's {width}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task A_third_sector_worker_on_a_phone_reads_every_page_without_scrolling_sideways_and_opens_the_menu()
    {
        // Arrange
        await using var visitor = await portal.OpenAsync();
        await using var officer = await portal.OpenAsAsync(CoordinatorSignIn.Administrator);
        var failures = new List<string>();

        foreach (var (page, path) in PublicPages.Select(p => (visitor.Page, p)).Concat(SignedInDataPages.Select(p => (officer.Page, p))))
        {
            // Act
            await page.SetViewportSizeAsync(NarrowWidths[0], Height);
            await OpenAsync(page, path);
            await AxeAssert.NoViolationsAsync(page);

            // Assert
            failures.AddRange(await NarrowFailuresAsync(page, path));
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>The yearly confirmation page needs a valid signed link to a real listing, so it cannot be in
    /// <see cref="PublicPages"/>: its owner opens it from the review e-mail on a phone, and confirms.</summary>
    [Fact]
    public async Task A_charity_on_a_phone_confirms_its_listing_from_the_yearly_e_mail_without_scrolling_sideways()
    {
        // Arrange
        var id = await portal.CreatePublishedListingAsync($"Carron Valley Wellbeing Circle {Guid.NewGuid().ToString("N")[..6]}", monthsSinceConfirmed: 14);
        try
        {
            var link = await portal.ConfirmationLinkAsync(id);
            await using var owner = await portal.OpenAsync();
            var page = owner.Page;
            var failures = new List<string>();

            // Act
            await page.SetViewportSizeAsync(NarrowWidths[0], Height);
            await OpenAsync(page, link);
            await AxeAssert.NoViolationsAsync(page);
            failures.AddRange(await NarrowFailuresAsync(page, "the confirmation page"));

            await page.SetViewportSizeAsync(NarrowWidths[0], Height);
            await page.GetByRole(AriaRole.Button, new() { Name = "Yes, it is still right" }).ClickAsync();
            await Expect(page.Locator("#banner")).ToContainTextAsync(Web.Pages.Organisations.ConfirmModel.ConfirmedBanner);
            await AxeAssert.NoViolationsAsync(page);
            failures.AddRange(await NarrowFailuresAsync(page, "the confirmation page once confirmed"));

            // Assert
            Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        }
        finally
        {
            await portal.DeleteListingAsync(id);
        }
    }

    /// <summary>At each of <see cref="NarrowWidths"/>: nothing wider than the window but a table in its region, the
    /// heading and Menu button on screen, and the menu opening with its links on screen.</summary>
    private static async Task<List<string>> NarrowFailuresAsync(IPage page, string name)
    {
        var failures = new List<string>();
        foreach (var width in NarrowWidths)
        {
            await page.SetViewportSizeAsync(width, Height);
            var layout = await MeasureAsync(page);

            var at = $"{name} at {width} px";
            if (layout.PageWidth > layout.ViewportWidth)
            {
                failures.Add($"{at}: the page is {layout.PageWidth} px wide");
            }

            if (layout.HeadingRight > layout.ViewportWidth || layout.HeadingLeft < 0)
            {
                failures.Add($"{at}: the heading runs from {layout.HeadingLeft:0} to {layout.HeadingRight:0} px");
            }

            if (layout.MenuButtonRight > layout.ViewportWidth || layout.MenuButtonLeft < 0)
            {
                failures.Add($"{at}: the Menu button runs from {layout.MenuButtonLeft:0} to {layout.MenuButtonRight:0} px");
            }

            failures.AddRange(layout.Overflowing.Select(o => $"{at}: {o} goes past the edge of the window"));
            foreach (var table in layout.Tables)
            {
                failures.AddRange(TableFailures(at, table, layout.ViewportWidth));
            }

            failures.AddRange(await MenuFailuresAsync(page, at));
        }

        return failures;
    }

    [Fact]
    public async Task A_coordinator_confirms_their_page_and_reads_the_whole_success_message_at_every_width()
    {
        // Arrange
        await using var session = await portal.OpenAsCoordinatorAsync();
        var page = session.Page;
        await page.SetViewportSizeAsync(768, Height);
        await OpenAsync(page, "/manage/partnerships/falkirk");

        // Act
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm this page is up to date" }).ClickAsync();

        // Assert
        await Expect(page.Locator("#banner")).ToContainTextAsync("page is up to date.");
        await AxeAssert.NoViolationsAsync(page);
        var failures = new List<string>();
        foreach (var width in new[] { 320, 375, 768, 1024, 1280, 1920 })
        {
            await page.SetViewportSizeAsync(width, Height);
            var banner = await EvaluateJsonAsync<BannerBox>(page,
                """
                () => {
                    const text = document.querySelector('#banner .ds_notification__text');
                    const banner = document.getElementById('banner').getBoundingClientRect();
                    const box = text.getBoundingClientRect();
                    const range = document.createRange();
                    range.selectNodeContents(text);
                    const words = range.getBoundingClientRect();
                    return JSON.stringify({ scrollWidth: text.scrollWidth, clientWidth: text.clientWidth, textRight: Math.max(box.right, words.right),
                             bannerRight: banner.right, viewportWidth: document.documentElement.clientWidth });
                }
                """);
            if (banner.ScrollWidth > banner.ClientWidth)
            {
                failures.Add($"at {width} px the message is {banner.ScrollWidth} px wide in a {banner.ClientWidth} px box");
            }

            // The banner's text is white: past the edge of its green box it is white on white, as good as cut off.
            if (banner.TextRight > banner.BannerRight + 0.5 || banner.TextRight > banner.ViewportWidth)
            {
                failures.Add($"at {width} px the message runs to {banner.TextRight:0} px, past the banner's edge at {banner.BannerRight:0} px");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task A_screen_reader_user_finds_the_demonstration_notice_inside_a_landmark_on_every_page()
    {
        // Arrange
        await using var visitor = await portal.OpenAsync();
        await using var officer = await portal.OpenAsAsync(CoordinatorSignIn.Administrator);
        var failures = new List<string>();

        foreach (var (page, path) in PublicPages.Select(p => (visitor.Page, p)).Concat(SignedInDataPages.Select(p => (officer.Page, p))))
        {
            // Act
            await OpenAsync(page, path);
            var landmark = await page.EvaluateAsync<string?>(
                """
                () => {
                    const notice = document.getElementById('demo-notice');
                    const landmark = notice?.closest('header, main, footer, nav, aside, section[aria-label], section[aria-labelledby], [role=region], [role=banner], [role=contentinfo], [role=complementary]');
                    return landmark ? landmark.tagName.toLowerCase() : null;
                }
                """);

            // Assert
            if (landmark is null)
            {
                failures.Add($"{path}: the demonstration notice is outside every landmark");
            }

            // AxeAssert runs axe-core's "region" rule too: all content inside a landmark.
            await AxeAssert.NoViolationsAsync(page);
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static async Task OpenAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        Assert.NotNull(response);
        Assert.True(response.Status == 200, $"{path} answered {response.Status}");
    }

    private static IEnumerable<string> TableFailures(string at, TableBox table, double viewportWidth)
    {
        if (table.Left < -0.5 || table.Right > viewportWidth + 0.5)
        {
            yield return $"{at}: table {table.Id} sits from {table.Left:0} to {table.Right:0} px, outside the window";
        }

        if (!table.InRegion)
        {
            yield return $"{at}: table {table.Id} is not inside a focusable, labelled region (role=region, tabindex=0, aria-labelledby)";
        }
        else if (string.IsNullOrWhiteSpace(table.RegionName))
        {
            yield return $"{at}: the region around table {table.Id} is labelled by nothing with text";
        }

        if (table.ScrollsItself is false)
        {
            yield return $"{at}: table {table.Id} is wider than its region, but the region does not scroll";
        }
    }

    /// <summary>Opens the small-screen menu, checks its links are on screen, and closes it again.</summary>
    private static async Task<IEnumerable<string>> MenuFailuresAsync(IPage page, string at)
    {
        // Without JavaScript the Menu control is a label; the design system's script swaps it for a button.
        var button = page.Locator(".ds_site-header__control >> visible=true");
        if (!await button.IsVisibleAsync())
        {
            return [$"{at}: there is no Menu button"];
        }

        await button.ClickAsync();
        var links = page.Locator("#mobile-navigation a");
        var failures = new List<string>();
        if (!await links.First.IsVisibleAsync())
        {
            failures.Add($"{at}: the opened menu shows no links");
        }
        else
        {
            var viewport = await page.EvaluateAsync<double>("() => document.documentElement.clientWidth");
            foreach (var box in await links.EvaluateAllAsync<double[][]>("links => links.map(l => { const r = l.getBoundingClientRect(); return [r.left, r.right]; })"))
            {
                if (box[0] < 0 || box[1] > viewport + 0.5)
                {
                    failures.Add($"{at}: a menu link runs from {box[0]:0} to {box[1]:0} px");
                }
            }
        }

        await button.ClickAsync();
        return failures;
    }

    private static async Task<T> EvaluateJsonAsync<T>(IPage page, string script) =>
        JsonSerializer.Deserialize<T>(await page.EvaluateAsync<string>(script), JsonOptions)
        ?? throw new InvalidOperationException("The page measured nothing.");

    private static Task<PageLayout> MeasureAsync(IPage page) => EvaluateJsonAsync<PageLayout>(page,
        """
        () => {
            const root = document.documentElement;
            const viewportWidth = root.clientWidth;
            const box = el => el ? el.getBoundingClientRect() : { left: 0, right: 0 };
            const heading = box(document.querySelector('main h1'));
            const title = box(document.querySelector('.ds_site-branding'));
            const menu = [...document.querySelectorAll('.ds_site-header__control')].find(m => m.offsetParent !== null);
            const menuBox = box(menu);
            // A table scrolls in its region and an SVG drawing clips to its own box: neither can widen the page.
            const inTable = el => el.closest('table, [role=region], svg') !== null;
            const describe = el => `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ').join('.') : ''} "${el.textContent.trim().slice(0, 40)}"`;
            const overflowing = [...document.querySelectorAll('main *, header *, footer *')]
                .filter(el => !inTable(el) && el.getClientRects().length > 0)
                .filter(el => { const r = el.getBoundingClientRect(); return r.width > 0 && (r.right > viewportWidth + 0.5 || r.left < -0.5); })
                .filter(el => ![...el.children].some(child => { const r = child.getBoundingClientRect(); return r.right > viewportWidth + 0.5; }))
                .map(describe);
            const tables = [...document.querySelectorAll('main table')].map(table => {
                const region = table.closest('[role=region]');
                const usable = region && region.getAttribute('tabindex') === '0' && region.hasAttribute('aria-labelledby');
                const names = usable ? region.getAttribute('aria-labelledby').split(/\s+/).map(id => document.getElementById(id)?.textContent.trim() ?? '').join(' ') : '';
                const r = box(region ?? table);
                const scrolls = region && table.getBoundingClientRect().width > region.clientWidth + 0.5
                    ? ['auto', 'scroll'].includes(getComputedStyle(region).overflowX) : null;
                return { id: table.id || '(no id)', left: r.left, right: r.right, inRegion: !!usable, regionName: names, scrollsItself: scrolls };
            });
            return JSON.stringify({
                pageWidth: root.scrollWidth, viewportWidth, headingLeft: heading.left, headingRight: heading.right,
                siteTitleLeft: title.left, menuButtonLeft: menuBox.left, menuButtonRight: menuBox.right,
                overflowing, tables,
            });
        }
        """);

    private sealed record PageLayout(
        double PageWidth, double ViewportWidth, double HeadingLeft, double HeadingRight, double SiteTitleLeft,
        double MenuButtonLeft, double MenuButtonRight, List<string> Overflowing, List<TableBox> Tables);

    private sealed record TableBox(
        string Id, double Left, double Right, bool InRegion, string RegionName, bool? ScrollsItself);

    private sealed record BannerBox(double ScrollWidth, double ClientWidth, double TextRight, double BannerRight, double ViewportWidth);
}
