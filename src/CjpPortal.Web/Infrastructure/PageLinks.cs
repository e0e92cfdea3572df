using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace CjpPortal.Web.Infrastructure;

/// <summary>The base of the typed link generators (<c>ManageLinks</c>, <c>NationalLinks</c>, ...): addresses come
/// from the pages' routes by page name, so a page that moves or is renamed fails the link tests instead of leaving a
/// link to nowhere. Paths are site-relative, as the pages' own links and redirects have always been.</summary>
public abstract class PageLinks(LinkGenerator generator)
{
    protected string Page(string page, object? values = null) =>
        generator.GetPathByPage(page, handler: null, values)
        ?? throw new InvalidOperationException($"No page {page} has a route for {values ?? "no values"}.");

    /// <summary>The path of the endpoint named <paramref name="name"/> (a minimal endpoint's <c>WithName</c>).</summary>
    protected string Endpoint(string name, object values) =>
        generator.GetPathByName(name, values)
        ?? throw new InvalidOperationException($"No endpoint {name} has a route for {values}.");

    /// <summary>One page of a paged list: <c>?page=N</c>. "page" names the page itself among Razor Pages' route
    /// values, so it is added as a query string rather than given to the link generator.</summary>
    protected static string Paged(string path, int? pageNumber) =>
        pageNumber is { } number ? QueryHelpers.AddQueryString(path, "page", number.ToString(CultureInfo.InvariantCulture)) : path;
}
