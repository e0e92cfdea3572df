using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Playwright;
using Xunit.Sdk;

namespace CjpPortal.BrowserTests.Infrastructure;

/// <summary>Runs axe-core against the page as it stands and fails on any WCAG 2.0/2.1/2.2 A or AA violation, or on
/// content outside every landmark (axe's best-practice "region" rule, on so that site-wide notices stay in one).</summary>
public static class AxeAssert
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    private static readonly Lazy<string> Script = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "axe.min.js");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new InvalidOperationException($"{path} is missing: run npm ci in tests/CjpPortal.BrowserTests and rebuild");
    });

    private static readonly TimeSpan AxeTimeout = TimeSpan.FromSeconds(30);

    // True when the page runs scripts: an inline script element runs as soon as it is added (CSP is bypassed).
    private const string ScriptingProbe =
        """
        () => {
            const probe = document.createElement('script');
            probe.textContent = 'window.cjpScriptingProbe = true;';
            document.head.append(probe);
            probe.remove();
            const ran = window.cjpScriptingProbe === true;
            delete window.cjpScriptingProbe;
            return ran;
        }
        """;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static async Task NoViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);

        var json = await RunAxeAsync(page);
        var violations = JsonSerializer.Deserialize<List<Violation>>(json, JsonOptions) ?? [];
        if (violations.Count == 0)
        {
            return;
        }

        var message = new StringBuilder()
            .Append("axe-core found ").Append(violations.Count).Append(" accessibility violation(s) on ").AppendLine(page.Url);
        foreach (var v in violations)
        {
            message.Append("- ").Append(v.Id).Append(" (").Append(v.Impact ?? "unknown impact").Append("): ").AppendLine(v.Help);
            foreach (var node in v.Nodes)
            {
                message.Append("    at ").Append(string.Join(" ", node.Target.Select(t => t.ToString())));
                if (!string.IsNullOrEmpty(node.FailureSummary))
                {
                    message.Append(" - ").Append(node.FailureSummary.ReplaceLineEndings(" "));
                }

                message.AppendLine();
            }
        }

        throw new XunitException(message.ToString());
    }

    private static async Task<string> RunAxeAsync(IPage page)
    {
        if (await page.EvaluateAsync<bool>(ScriptingProbe))
        {
            return await InjectAndRunAsync(page);
        }

        // JavaScript is off for this page (a no-JavaScript journey), so axe cannot run in it. Check a copy instead: the
        // same DOM, served at the same URL to a scripted page that loads the same styles and images but none of the
        // portal's own scripts. (A <noscript> body would show as text in the copy; the portal's pages have none.)
        var html = await page.ContentAsync();
        var browser = page.Context.Browser ?? throw new InvalidOperationException("The page has no browser.");
        await using var copyContext = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BypassCSP = true,
            ViewportSize = page.ViewportSize is { } size ? new ViewportSize { Width = size.Width, Height = size.Height } : null,
        });
        var copy = await copyContext.NewPageAsync();
        var url = page.Url;
        await copy.RouteAsync("**/*", route =>
        {
            if (route.Request.IsNavigationRequest && route.Request.Url == url)
            {
                return route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html; charset=utf-8", Body = html });
            }

            return route.Request.ResourceType == "script" ? route.AbortAsync() : route.ContinueAsync();
        });
        await copy.GotoAsync(url);
        return await InjectAndRunAsync(copy);
    }

    private static async Task<string> InjectAndRunAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = Script.Value });
        }

        return await page.EvaluateAsync<string>(
            """
            async tags => {
                const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, rules: { region: { enabled: true } }, resultTypes: ['violations'] });
                return JSON.stringify(results.violations);
            }
            """,
            Tags).WaitAsync(AxeTimeout);
    }

    private sealed record Violation(string Id, string? Impact, string Help, List<ViolationNode> Nodes);

    // A target is a CSS selector, or an array of selectors for content inside frames or shadow roots.
    private sealed record ViolationNode(List<JsonElement> Target, [property: JsonPropertyName("failureSummary")] string? FailureSummary);
}
