using System.Globalization;
using System.Text;
using CjpPortal.Core.Domain;

namespace CjpPortal.Core.Documents;

/// <summary>The name a document is stored, linked and downloaded under, made from the name the browser sent: no
/// folders, only letters, digits, "-", "_" and "." (spaces and anything else become "-", runs of them one), at most
/// <see cref="Document.FileNameMaxLength"/> characters, and the extension of the format its content has. Letters may
/// be accented ("Plàn-Gàidhlig.pdf"): <see cref="Ascii"/> gives the plain form for old clients.</summary>
public static class DocumentFileName
{
    /// <summary>The name used when nothing usable is left of the one sent.</summary>
    public const string Fallback = "document";

    public static string Sanitise(string? original, DocumentFormat format)
    {
        var extension = DocumentContentCheck.Extension(format);
        var name = original ?? string.Empty;
        // Browsers send a bare name, but old ones (and scripts) may send a whole path, in either style.
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        if (DocumentContentCheck.FormatOfName(name) is not null)
        {
            name = name[..name.LastIndexOf('.')];
        }

        var safe = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            var kept = char.IsLetterOrDigit(c) || c is '_' or '.' ? c : '-';
            // "-" and "." never repeat ("a - b" is "a-b", ".." never reaches a path).
            if (kept is '-' or '.' && safe.Length > 0 && safe[^1] is '-' or '.')
            {
                if (kept == '.')
                {
                    safe[^1] = '.';
                }

                continue;
            }

            safe.Append(kept);
        }

        var stem = Trim(safe.ToString());
        var room = Document.FileNameMaxLength - extension.Length;
        if (stem.Length > room)
        {
            stem = Trim(stem[..room]);
        }

        return (stem.Length == 0 ? Fallback : stem) + extension;
    }

    /// <summary><paramref name="fileName"/> (already sanitised) with accents dropped and any other non-ASCII letter
    /// replaced, for the plain <c>filename=</c> of a Content-Disposition header.</summary>
    public static string Ascii(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var ascii = new StringBuilder(fileName.Length);
        foreach (var c in fileName.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            ascii.Append(char.IsAscii(c) ? c : '_');
        }

        return ascii.ToString();
    }

    private static string Trim(string stem) => stem.Trim('-', '.', '_');
}
