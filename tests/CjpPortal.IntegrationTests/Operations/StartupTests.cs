using CjpPortal.TestCommon;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;
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

        // Assert: every action is a Razor page
        Assert.DoesNotContain(providers, p => p is ControllerFeatureProvider);
        Assert.NotEmpty(actions);
        Assert.All(actions, a => Assert.IsType<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>(a));
    }
}
