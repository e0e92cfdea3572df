using System.Reflection;
using CjpPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Routing;

namespace CjpPortal.UnitTests.Infrastructure;

/// <summary>The convention that keeps the values an authorization decision depends on out of the form and query.</summary>
public sealed class RouteValuesFromRouteOnlyTests
{
    [Fact]
    public void Apply_ParameterNamedAfterARouteValue_IsBoundFromThePathOnly()
    {
        // Arrange
        var model = Model("manage/partnerships/{slug}/contacts/{id:int}", nameof(SamplePage.OnPostAsync));

        // Act
        new RouteValuesFromRouteOnly().Apply(model);

        // Assert
        var parameters = model.HandlerMethods.Single().Parameters.ToDictionary(p => p.ParameterName);
        Assert.Equal(BindingSource.Path, parameters["slug"].BindingInfo?.BindingSource);
        Assert.Equal(BindingSource.Path, parameters["id"].BindingInfo?.BindingSource);
        Assert.Null(parameters["contactId"].BindingInfo?.BindingSource);
    }

    [Fact]
    public void Apply_RouteValueExplicitlyBoundFromTheForm_StopsStartUp()
    {
        // Arrange
        var model = Model("manage/partnerships/{slug}", nameof(SamplePage.OnPostFromFormAsync));

        // Act and Assert
        var error = Assert.Throws<InvalidOperationException>(() => new RouteValuesFromRouteOnly().Apply(model));
        Assert.Contains("'slug'", error.Message, StringComparison.Ordinal);
    }

    private static PageApplicationModel Model(string template, string handlerName)
    {
        var descriptor = new PageActionDescriptor
        {
            AttributeRouteInfo = new AttributeRouteInfo { Template = template },
            ViewEnginePath = "/Sample",
            RelativePath = "/Pages/Sample.cshtml",
        };
        var type = typeof(SamplePage).GetTypeInfo();
        var model = new PageApplicationModel(descriptor, type, type, []);
        var method = type.GetMethod(handlerName)!;
        var handler = new PageHandlerModel(method, []) { HandlerName = handlerName, HttpMethod = "Post" };
        foreach (var parameter in method.GetParameters())
        {
            var attributes = parameter.GetCustomAttributes(inherit: false);
            handler.Parameters.Add(new PageParameterModel(parameter, attributes)
            {
                ParameterName = parameter.Name!,
                BindingInfo = BindingInfo.GetBindingInfo(attributes),
            });
        }

        model.HandlerMethods.Add(handler);
        return model;
    }

#pragma warning disable CA1822, IDE0060 // handler shapes only: never called
    private sealed class SamplePage : PageModel
    {
        public Task OnPostAsync(string slug, int id, int contactId) => Task.CompletedTask;

        public Task OnPostFromFormAsync([FromForm] string slug) => Task.CompletedTask;
    }
#pragma warning restore CA1822, IDE0060
}
