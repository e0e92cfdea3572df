using System.Globalization;
using System.Text;

namespace CjpPortal.Web.Infrastructure.Map;

/// <summary>Writes rings as compact SVG path data: an absolute move to each ring's first point, relative lines to the
/// rest, then close. Relative steps between points already rounded to tenths are exact, and short: the whole map stays
/// well under the size of the source GeoJSON.</summary>
public static class SvgPath
{
    public static string Write(IEnumerable<IReadOnlyList<MapPoint>> rings)
    {
        var path = new StringBuilder();
        foreach (var ring in rings)
        {
            if (ring.Count == 0)
            {
                continue;
            }

            path.Append('M');
            AppendNumber(path, ring[0].XTenths, separate: false);
            AppendNumber(path, ring[0].YTenths, separate: true);
            if (ring.Count > 1)
            {
                path.Append('l');
                for (var i = 1; i < ring.Count; i++)
                {
                    AppendNumber(path, ring[i].XTenths - ring[i - 1].XTenths, separate: i > 1);
                    AppendNumber(path, ring[i].YTenths - ring[i - 1].YTenths, separate: true);
                }
            }

            path.Append('z');
        }

        return path.ToString();
    }

    /// <summary>Appends a number given in tenths: "12", "1.2", ".5", "-.5". A minus sign separates numbers by itself,
    /// so only non-negative numbers need a space.</summary>
    private static void AppendNumber(StringBuilder path, int tenths, bool separate)
    {
        if (tenths < 0)
        {
            path.Append('-');
        }
        else if (separate)
        {
            path.Append(' ');
        }

        var magnitude = Math.Abs(tenths);
        var whole = magnitude / 10;
        var fraction = magnitude % 10;
        if (whole != 0 || fraction == 0)
        {
            path.Append(whole.ToString(CultureInfo.InvariantCulture));
        }

        if (fraction != 0)
        {
            path.Append('.').Append((char)('0' + fraction));
        }
    }
}
