using Microsoft.AspNetCore.Mvc.Rendering;

namespace CjpPortal.Web.Infrastructure.TagHelpers;

/// <summary>An option of ds-radios or ds-checkboxes that has a hint of its own under its label.</summary>
public sealed class ChoiceItem : SelectListItem
{
    public ChoiceItem(string text, string value, string? hint = null)
        : base(text, value) => Hint = hint;

    public string? Hint { get; }
}
