namespace CjpPortal.Web.Pages.Manage.Partnerships;

/// <summary>One text field on an editing form, rendered by _EditField with the design system's error pattern. The
/// field's name is also its id and its ModelState key, so its error is <c>#{Name}-error</c>.</summary>
public sealed record EditField(string Name, string Label, string? Value, string? Hint = null, bool Multiline = false, string Type = "text", string InputClass = "");
