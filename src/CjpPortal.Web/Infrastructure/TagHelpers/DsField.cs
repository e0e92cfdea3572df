using System.Collections;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CjpPortal.Web.Infrastructure.TagHelpers;

/// <summary>What every design-system question takes from its model expression: the field's name, its id (the one the
/// error summary links to: <c>Input.Email</c> becomes <c>Input_Email</c>), the ids of its hint and error message, its
/// first error and its value.</summary>
public sealed class DsField
{
    private DsField(string name, string id, string? hint, string? error, ModelStateEntry? entry, object? model)
    {
        Name = name;
        Id = id;
        HintText = hint;
        HintId = hint is null ? null : $"{id}-hint";
        ErrorMessage = error;
        ErrorId = error is null ? null : $"{id}-error";
        Entry = entry;
        Model = model;
    }

    public string Name { get; }

    public string Id { get; }

    public string? HintText { get; }

    /// <summary><c>{id}-hint</c> when the field has a hint.</summary>
    public string? HintId { get; }

    /// <summary>The field's first error, as the error summary lists it; null while the field is valid.</summary>
    public string? ErrorMessage { get; }

    /// <summary><c>{id}-error</c> when the field has an error.</summary>
    public string? ErrorId { get; }

    public bool HasError => ErrorMessage is not null;

    /// <summary>The hint and error ids, space separated, for <c>aria-describedby</c>; null when there are neither.</summary>
    public string? DescribedBy => (HintId, ErrorId) switch
    {
        (null, null) => null,
        (null, { } error) => error,
        ({ } hint, null) => hint,
        ({ } hint, { } error) => $"{hint} {error}",
    };

    public object? Model { get; }

    private ModelStateEntry? Entry { get; }

    public static DsField For(ViewContext viewContext, ModelExpression expression, string? hint, string idDotReplacement)
    {
        ArgumentNullException.ThrowIfNull(viewContext);
        ArgumentNullException.ThrowIfNull(expression);
        var name = viewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(expression.Name);
        // The same replacement for dots as Html.GenerateIdFromName, which the error summary's links use.
        var id = TagBuilder.CreateSanitizedId(name, idDotReplacement);
        var entry = viewContext.ViewData.ModelState.TryGetValue(name, out var found) ? found : null;
        var error = entry is { Errors.Count: > 0 } ? entry.Errors[0].ErrorMessage : null;
        return new DsField(name, id, hint, error, entry, expression.Model);
    }

    /// <summary>The value to put back in the box: the model's (after trimming and normalising, as it would be saved),
    /// or what was typed when it could not be read into the model at all (a date that is not a date).</summary>
    public string? Value(Func<object, string?>? format = null)
    {
        if (Model is not null)
        {
            return (format ?? Format)(Model);
        }

        // Blank input is bound as null and shown as blank.
        return HasError && !string.IsNullOrWhiteSpace(Entry?.AttemptedValue) ? Entry.AttemptedValue : null;
    }

    /// <summary>The values of a field bound to a collection (checkboxes), as the options' values are written.</summary>
    public IReadOnlySet<string> Values()
    {
        if (Model is string or null)
        {
            return Value() is { } single ? new HashSet<string>(StringComparer.Ordinal) { single } : [];
        }

        return Model is IEnumerable many
            ? many.Cast<object?>().Where(v => v is not null).Select(v => Format(v!)).OfType<string>().ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal) { Format(Model)! };
    }

    /// <summary>An id for one option of a group: the first carries the field's id, which the error summary links
    /// to; the others add their value.</summary>
    public string OptionId(int index, string? value) =>
        index == 0 ? Id : TagBuilder.CreateSanitizedId($"{Id}-{value}", "_");

    public static string? Format(object value) => value switch
    {
        string text => text,
        bool flag => flag ? "true" : "false",
        Enum choice => Convert.ToInt64(choice, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime dateTime => dateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset dateTimeOffset => dateTimeOffset.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
