namespace CjpPortal.Web.Pages.Account;

/// <summary>One text input on an account form, rendered by _AccountField with the design system's error pattern. The
/// field's name is also its id and its ModelState key, so its error is <c>#{Name}-error</c>.</summary>
public sealed record AccountField(string Name, string Label, string Type = "text", string? Autocomplete = null, string? Hint = null, string? Value = null, string InputClass = "ds_input--fixed-20");
