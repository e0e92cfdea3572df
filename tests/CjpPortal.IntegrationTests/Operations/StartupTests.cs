using System.Net;
using CjpPortal.TestCommon;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CjpPortal.IntegrationTests.Operations;

/// <summary>What the portal leaves out of its start-up (bench/README.md, cold start).</summary>
[Collection(PortalCollection.Name)]
public sealed class StartupTests(PortalFixture fixture)
{
    [Fact]
    public void Start_NoControllers_MvcDoesNotLookForThem()
    {
        // Arrange
        var services = fixture.Factory.Services;

        // Act
        var providers = services.GetRequiredService<ApplicationPartManager>().FeatureProviders;
        var actions = services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items;

        // Assert: every action is a Razor page, not loaded until a request is routed to it
        Assert.DoesNotContain(providers, p => p is ControllerFeatureProvider);
        Assert.NotEmpty(actions);
        Assert.All(actions, a => Assert.IsType<PageActionDescriptor>(a));
    }

    [Fact]
    public async Task Get_PageListedUnloaded_IsAnsweredWithItsPageModelsMetadata()
    {
        // Arrange: an [AllowAnonymous] page's endpoint, as routing lists it
        var endpoint = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Single(e => e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath == "/Accessibility/Index");

        // Act
        var response = await fixture.Client.GetAsync(new Uri("/accessibility", UriKind.Relative));

        // Assert: listed unloaded, without the page model's metadata, yet answered to an anonymous user
        Assert.Null(endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>());
        Assert.Null(endpoint.Metadata.GetMetadata<IAllowAnonymous>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
