using Microsoft.Playwright;

namespace CjpPortal.BrowserTests.Infrastructure;

/// <summary>One test's browser context and page; disposing closes the context.</summary>
public sealed class BrowserSession(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IBrowserContext Context { get; } = context;

    public IPage Page { get; } = page;

    public ValueTask DisposeAsync() => Context.DisposeAsync();
}
