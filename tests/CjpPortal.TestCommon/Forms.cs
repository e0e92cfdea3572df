using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Xunit.Sdk;

namespace CjpPortal.TestCommon;

/// <summary>Submits a page's form as a browser would: its action, its hidden fields (the antiforgery token among
/// them) and the values the test types in.</summary>
public static class Forms
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    public static async Task<HtmlPage> SubmitAsync(this HttpClient client, HtmlPage page, IReadOnlyDictionary<string, string> values, string formSelector = "main form")
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(values);
        var form = page.Document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new XunitException($"Expected a form matching '{formSelector}' on {page.Document.Url}.");
        var fields = form.QuerySelectorAll("input[type=hidden]")
            .Select(input => KeyValuePair.Create(input.GetAttribute("name") ?? string.Empty, input.GetAttribute("value") ?? string.Empty))
            .Where(field => field.Key.Length > 0 && !values.ContainsKey(field.Key))
            .Concat(values)
            .ToList();
        return await client.PostFormAsync(Action(form, page), fields);
    }

    /// <summary>Presses a submit button as a browser would: its form's hidden fields (and <paramref name="values"/>),
    /// the button's own name and value, posted to the button's formaction (a named page handler) or else the form's
    /// action.</summary>
    public static async Task<HtmlPage> ClickAsync(this HttpClient client, HtmlPage page, string buttonSelector, IReadOnlyDictionary<string, string>? values = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(page);
        var button = page.Document.QuerySelector(buttonSelector) as IHtmlButtonElement
            ?? throw new XunitException($"Expected a button matching '{buttonSelector}' on {page.Document.Url}.");
        var form = button.Form ?? throw new XunitException($"The button '{buttonSelector}' is not in a form.");
        values ??= new Dictionary<string, string>();
        var fields = form.QuerySelectorAll("input[type=hidden]")
            .Select(input => KeyValuePair.Create(input.GetAttribute("name") ?? string.Empty, input.GetAttribute("value") ?? string.Empty))
            .Where(field => field.Key.Length > 0 && !values.ContainsKey(field.Key))
            .Concat(values)
            .ToList();
        if (button.GetAttribute("name") is { Length: > 0 } name)
        {
            fields.Add(KeyValuePair.Create(name, button.GetAttribute("value") ?? string.Empty));
        }

        return await client.PostFormAsync(button.GetAttribute("formaction") ?? Action(form, page), fields);
    }

    /// <summary>Submits <paramref name="page"/>'s form as a browser does with a file chosen: multipart, its hidden fields,
    /// <paramref name="values"/> and the file <paramref name="fileName"/> in the file input <paramref name="fileField"/>.</summary>
    public static async Task<HtmlPage> SubmitWithFileAsync(this HttpClient client, HtmlPage page, IReadOnlyDictionary<string, string> values,
        string fileField, string fileName, byte[] bytes, string formSelector = "main form")
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(values);
        var form = page.Document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new XunitException($"Expected a form matching '{formSelector}' on {page.Document.Url}.");
        using var content = new MultipartFormDataContent();
        foreach (var input in form.QuerySelectorAll("input[type=hidden]"))
        {
            if (input.GetAttribute("name") is { Length: > 0 } name && !values.ContainsKey(name))
            {
                content.Add(new StringContent(input.GetAttribute("value") ?? string.Empty), name);
            }
        }

        foreach (var (name, value) in values.Where(v => v.Key != fileField))
        {
            content.Add(new StringContent(value), name);
        }

        content.Add(new ByteArrayContent(bytes), fileField, fileName);
        var response = await client.PostAsync(new Uri(Action(form, page), UriKind.RelativeOrAbsolute), content);
        return await Html.ParseAsync(response);
    }

    /// <summary>Posts fields exactly as given (for example without an antiforgery token) and parses the answer.</summary>
    public static async Task<HtmlPage> PostFormAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var content = new FormUrlEncodedContent(fields);
        var response = await client.PostAsync(new Uri(url, UriKind.RelativeOrAbsolute), content);
        return await Html.ParseAsync(response);
    }

    private static string Action(IElement form, HtmlPage page)
    {
        var action = form.GetAttribute("action");
        return string.IsNullOrEmpty(action) ? new Uri(page.Document.Url).PathAndQuery : action;
    }
}
