using System.Diagnostics;
using System.Net;
using CjpPortal.Core;
using CjpPortal.IntegrationTests.Manage;
using CjpPortal.TestCommon;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CjpPortal.IntegrationTests.Operations;

/// <summary>Several instances against one database behave like one, and the container is checked at start-up.</summary>
public sealed class InstancesTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    [Fact]
    public async Task Post_EditThroughOneInstance_IsShownByAnotherInstanceWithinTwoSeconds()
    {
        // Arrange: a second instance on the same database, its public page already cached
        await using var other = new PortalFactory(Fixture.Database.ConnectionString, Fixture.Clock);
        using var otherClient = other.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var before = await otherClient.GetStringAsync(new Uri("/partnerships/falkirk", UriKind.Relative));
        var website = $"https://example.org/{Guid.NewGuid():N}";
        using var coordinator = await ManageUsers.CoordinatorAsync(Fixture);
        var form = await coordinator.GetDocumentAsync("/manage/partnerships/falkirk/details");

        // Act: the edit goes through the Fixture's instance
        var saved = await coordinator.SubmitAsync(form, EditForms.Filled(form, ("Website", website)));
        var waited = Stopwatch.StartNew();
        string after;
        do
        {
            after = await otherClient.GetStringAsync(new Uri("/partnerships/falkirk", UriKind.Relative));
            if (after.Contains(website, StringComparison.Ordinal))
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
        while (waited.Elapsed < TimeSpan.FromSeconds(2));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.DoesNotContain(website, before, StringComparison.Ordinal);
        Assert.Contains(website, after, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_ScopedServiceFromTheRootContainer_IsRefused()
    {
        // Act and Assert: scope validation is on in the test host as in every other
        var error = Assert.Throws<InvalidOperationException>(() => Fixture.Factory.Services.GetRequiredService<AppDbContext>());
        Assert.Contains("scoped", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
