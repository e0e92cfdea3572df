using System.Net;
using AngleSharp;
using AngleSharp.Dom;

namespace CjpPortal.TestCommon;

/// <summary>A response and its body parsed as HTML.</summary>
public sealed record HtmlPage(HttpResponseMessage Response, IDocument Document)
{
    public HttpStatusCode StatusCode => Response.StatusCode;

    /// <summary>The one element matching <paramref name="selectors"/>; fails if there are none or several.</summary>
    public IElement One(string selectors)
    {
        var found = Document.QuerySelectorAll(selectors);
        return found.Length == 1
            ? found[0]
            : throw new Xunit.Sdk.XunitException($"Expected one element matching '{selectors}' but found {found.Length} on {Document.Url}.");
    }

    /// <summary>The text of the whole page with runs of white space collapsed, for "the user can read X" checks.</summary>
    public string Text => Html.Normalise(Document.Body?.TextContent);
}

public static class Html
{
    private static readonly IBrowsingContext Context = BrowsingContext.New(Configuration.Default);

    /// <summary>GETs <paramref name="url"/> (without following redirects if the client does not) and parses the body.</summary>
    public static async Task<HtmlPage> GetDocumentAsync(this HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute));
        return await ParseAsync(response);
    }

    public static async Task<HtmlPage> ParseAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var html = await response.Content.ReadAsStringAsync();
        var address = response.RequestMessage?.RequestUri?.ToString() ?? "http://localhost/";
        var document = await Context.OpenAsync(request => request.Content(html).Address(address));
        return new HtmlPage(response, document);
    }

    /// <summary>Text with runs of white space (including non-breaking spaces) collapsed to single spaces.</summary>
    public static string Normalise(string? text) =>
        string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>An element's visible text, normalised.</summary>
    public static string TextOf(this IElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return Normalise(element.TextContent);
    }
}
