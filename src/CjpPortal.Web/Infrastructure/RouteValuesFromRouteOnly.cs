using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing.Patterns;

namespace CjpPortal.Web.Infrastructure;

/// <summary>Every handler parameter and bound property named after a value in the page's route template (<c>slug</c>,
/// <c>id</c>, <c>areaId</c>...) is bound from the route and nowhere else. Model binding would otherwise look in the form
/// before the route, so <c>slug=other</c> in a form body would reach the handler while the per-partnership policy
/// checked the <c>{slug}</c> in the URL. Applied to every page, so a new page cannot bring the hole back; a parameter
/// that asks for another source explicitly stops the app at start-up.</summary>
public sealed class RouteValuesFromRouteOnly : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var routeValues = RouteParameterNames(model);
        if (routeValues.Count == 0)
        {
            return;
        }

        foreach (var handler in model.HandlerMethods)
        {
            foreach (var parameter in handler.Parameters)
            {
                parameter.BindingInfo = FromRoute(parameter.BindingInfo, parameter.ParameterName, routeValues, model.ViewEnginePath);
            }
        }

        foreach (var property in model.HandlerProperties.Where(p => p.BindingInfo is not null))
        {
            property.BindingInfo = FromRoute(property.BindingInfo, property.PropertyName, routeValues, model.ViewEnginePath);
        }
    }

    /// <summary>The parameter names in the page's route template.</summary>
    public static HashSet<string> RouteParameterNames(PageApplicationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (model.ActionDescriptor.AttributeRouteInfo?.Template is { } template)
        {
            foreach (var parameter in RoutePatternFactory.Parse(template).Parameters)
            {
                names.Add(parameter.Name);
            }
        }

        return names;
    }

    private static BindingInfo? FromRoute(BindingInfo? binding, string name, HashSet<string> routeValues, string page)
    {
        var boundName = binding?.BinderModelName ?? name;
        if (!routeValues.Contains(boundName))
        {
            return binding;
        }

        if (binding?.BindingSource is { } source && source != BindingSource.Path)
        {
            throw new InvalidOperationException(
                $"{page}: '{name}' is a route value but asks to be bound from {source.DisplayName}. Route values are bound from the route only.");
        }

        return new BindingInfo(binding ?? new BindingInfo()) { BindingSource = BindingSource.Path, BinderModelName = boundName };
    }
}
