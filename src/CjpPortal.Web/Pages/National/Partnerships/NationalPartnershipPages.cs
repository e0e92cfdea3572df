using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CjpPortal.Web.Pages.National.Partnerships;

/// <summary>What the CJS staff pages for partnerships share (their addresses are in <see cref="NationalLinks"/>): the fingerprint of which
/// partnership covers which council area that lets a move be refused when someone else moved areas first.</summary>
public static class NationalPartnershipPages
{
    /// <summary>A stable fingerprint of the whole area → partnership mapping: the same mapping always gives the same
    /// string, and any move gives a different one.</summary>
    public static string Fingerprint(IEnumerable<(int AreaId, int PartnershipId)> mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var text = string.Join(';', mapping
            .OrderBy(m => m.AreaId)
            .Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.AreaId}:{m.PartnershipId}")));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>A partnership's council areas as history records them: sorted by name, comma separated.</summary>
    public static string AreaList(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return string.Join(", ", names.Order(StringComparer.Ordinal));
    }
}
