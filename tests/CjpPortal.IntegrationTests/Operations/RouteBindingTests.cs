using CjpPortal.TestCommon;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CjpPortal.IntegrationTests.Operations;

/// <summary>Values in a page's URL (the partnership's slug, a record's id) decide what the user may see and change,
/// so every page handler must take them from the route and nowhere else: not from the form body, not from the query.</summary>
public sealed class RouteBindingTests(ReferenceDataFixture fixture) : ReferenceDataTests(fixture)
{
    [Fact]
    public async Task Get_EveryPageHandlerParameterNamedAfterARouteValue_IsBoundFromTheRouteOnly()
    {
        // Arrange: every page the app serves, loaded, with its handlers and bound properties
        var pages = await ServedEndpoints.PagesAsync(Fixture.Factory.Services);

        // Act
        var checkedValues = new List<string>();
        var wrong = new List<string>();
        foreach (var (endpoint, page) in pages)
        {
            var routeValues = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var bound = page.HandlerMethods.SelectMany(h => h.Parameters.Select(p => (Where: $"{h.MethodInfo.Name}({p.Name})", p.Name, p.BindingInfo)))
                .Concat(page.BoundProperties.Select(p => (Where: p.Name, p.Name, p.BindingInfo)));
            foreach (var (where, name, binding) in bound.Where(b => routeValues.Contains(b.BindingInfo?.BinderModelName ?? b.Name)))
            {
                checkedValues.Add($"{page.ViewEnginePath} {where}");
                if (binding?.BindingSource != BindingSource.Path)
                {
                    wrong.Add($"{endpoint.RoutePattern.RawText}: {where} is bound from {binding?.BindingSource?.DisplayName ?? "any source (form first)"}");
                }
            }
        }

        // Assert
        Assert.Contains("/Manage/Partnerships/Details OnPostAsync(slug)", checkedValues);
        Assert.Contains("/Manage/Partnerships/Tsis/Edit OnPostAsync(areaId)", checkedValues);
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }
}
