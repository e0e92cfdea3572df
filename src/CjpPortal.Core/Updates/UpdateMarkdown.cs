using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CjpPortal.Core.Updates;

/// <summary>An update's Markdown body as HTML for the public pages, the Atom feed and e-mails. Whoever writes it, the
/// output is safe to put in a page: raw HTML is not parsed (<c>&lt;script&gt;</c> shows as text); only http, https
/// and mailto links are links (a <c>javascript:</c> link keeps its words and loses its address); images become links
/// to the image, so an update cannot load pictures (or tracking pixels) into the page; headings start at h2, under
/// the page's own h1; links say rel="nofollow ugc" because their address is written by a user, not the portal.</summary>
public static class UpdateMarkdown
{
    /// <summary>The link rel given to every link in a body: user-written content, not endorsed by the portal.</summary>
    public const string LinkRel = "nofollow ugc";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .Build();

    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    public static string ToHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdown.Parse(markdown, Pipeline);
        Sanitise(document);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>The words of the body without its markup, for e-mail text parts and short summaries.</summary>
    public static string ToPlainText(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return Markdown.ToPlainText(markdown, Pipeline).Trim();
    }

    /// <summary>The first <paramref name="maxLength"/> characters or so of the plain text, cut at a word.</summary>
    public static string Summary(string markdown, int maxLength = 200)
    {
        var text = string.Join(' ', ToPlainText(markdown).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', maxLength);
        return string.Concat(text.AsSpan(0, cut > 0 ? cut : maxLength), "…");
    }

    /// <summary>True for an address a body may link to.</summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }

        // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:"), so judge the address
        // as they would read it, and only by an absolute URI with a known scheme.
        var compact = new string([.. url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))]);
        return Uri.TryCreate(compact, UriKind.Absolute, out var uri)
            && SafeSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase);
    }

    private static void Sanitise(MarkdownDocument document)
    {
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(heading.Level + 1, 6);
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!IsSafeUrl(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
            else
            {
                autolink.GetAttributes().AddPropertyIfNotExist("rel", LinkRel);
            }
        }

        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.IsImage)
            {
                // The picture's description becomes the link text (or the address, when there is none).
                link.IsImage = false;
                if (link.FirstChild is null)
                {
                    link.AppendChild(new LiteralInline(link.Url ?? string.Empty));
                }
            }

            if (!IsSafeUrl(link.Url))
            {
                Unwrap(link);
                continue;
            }

            link.GetAttributes().AddPropertyIfNotExist("rel", LinkRel);
        }
    }

    /// <summary>Replaces a link by its own words.</summary>
    private static void Unwrap(LinkInline link)
    {
        var children = link.ToList();
        Inline previous = link;
        foreach (var child in children)
        {
            child.Remove();
            previous.InsertAfter(child);
            previous = child;
        }

        link.Remove();
    }
}
