using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace CjpPortal.Web.Infrastructure;

/// <summary>Binds every string the portal receives trimmed, and blank (empty or only spaces) as null, so pages check
/// and store what people meant to type. Passwords are taken exactly as typed: mark them <see cref="NoTrimAttribute"/>.</summary>
public sealed class TrimmingModelBinder(IModelBinder inner) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        await inner.BindModelAsync(bindingContext);
        if (bindingContext.Result is { IsModelSet: true, Model: string value })
        {
            bindingContext.Result = ModelBindingResult.Success(Trimmed(value));
        }
    }

    private static string? Trimmed(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>Puts <see cref="TrimmingModelBinder"/> in front of every string that is not marked
/// <see cref="NoTrimAttribute"/>.</summary>
public sealed class TrimmingModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Metadata.ModelType != typeof(string) || context.Metadata.BinderType is not null || IsNoTrim(context.Metadata))
        {
            return null;
        }

        var loggerFactory = context.Services.GetRequiredService<ILoggerFactory>();
        return new TrimmingModelBinder(new SimpleTypeModelBinder(typeof(string), loggerFactory));
    }

    private static bool IsNoTrim(ModelMetadata metadata) =>
        metadata is DefaultModelMetadata { Attributes: var attributes }
        && (attributes.PropertyAttributes ?? attributes.ParameterAttributes ?? []).OfType<NoTrimAttribute>().Any();
}

/// <summary>Binds a string exactly as typed: for passwords, where a space is part of the secret.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class NoTrimAttribute : Attribute;
