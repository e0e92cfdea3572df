using CjpPortal.Web;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CjpPortal.UnitTests.Infrastructure;

/// <summary>Cold start: Razor pages are loaded by the first request routed to each, not all while the portal starts.</summary>
public sealed class PageLoadingTests
{
    [Fact]
    public void ConfigureServices_PortalHost_ListsPagesUnloadedAndLoadsTheMatchedOne()
    {
        // Arrange
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration["ConnectionStrings:Default"] = "Host=127.0.0.1;Port=1;Database=none;Username=none";

        // Act
        PortalHost.ConfigureServices(builder);

        // Assert: named, so a later ASP.NET Core that registers the eager provider differently shows up here
        var providers = builder.Services.Where(d => d.ServiceType == typeof(IActionDescriptorProvider)).Select(d => d.ImplementationType).ToList();
        Assert.DoesNotContain(typeof(CompiledPageActionDescriptorProvider), providers);
        Assert.Contains(typeof(PageActionDescriptorProvider), providers);
        Assert.Single(builder.Services, d => d.ServiceType == typeof(MatcherPolicy) && d.ImplementationType == typeof(PageLoading.LoadMatchedPage));
    }

    [Fact]
    public void OnFirstRequest_WithoutRazorPages_AddsNothing()
    {
        // Arrange
        var services = new ServiceCollection();

        // Act
        PageLoading.OnFirstRequest(services);

        // Assert
        Assert.Empty(services);
    }
}
