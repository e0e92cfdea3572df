using System.Globalization;
using System.Text.Json;
using CjpPortal.Core.Seed;

namespace CjpPortal.Web.Infrastructure.Map;

/// <summary>A point in the map's viewBox, held in tenths of a unit so that rounding is exact (the council-area map
/// rounds to whole units; <see cref="SvgPath"/> writes tenths for any other drawing).</summary>
public readonly record struct MapPoint(int XTenths, int YTenths)
{
    public double X => XTenths / 10.0;

    public double Y => YTenths / 10.0;
}

/// <summary>One council area drawn as SVG: its rings in viewBox units and the same rings as path data.</summary>
public sealed record MapShape(string GssCode, string Name, IReadOnlyList<IReadOnlyList<MapPoint>> Rings, string PathData)
{
    /// <summary>The box around every ring, in viewBox units.</summary>
    public MapBox Box { get; } = MapBox.Around(Rings);
}

/// <summary>The council-area boundaries projected and fitted into an SVG viewBox. The geometry never changes, so the
/// host builds it once (a singleton) the first time the map page asks for it.</summary>
public sealed class ScotlandMap
{
    public const int Width = 600;

    /// <summary>Keeps the coast and the focus stroke of edge areas off the edge of the drawing.</summary>
    private const double Margin = 8;

    private readonly Dictionary<string, MapShape> byCode;

    /// <summary>The map of Scotland's council areas from the boundaries shipped in CjpPortal.Core.</summary>
    public ScotlandMap()
        : this(ReadReferenceData())
    {
    }

    private ScotlandMap((int Height, List<MapShape> Shapes) drawn)
    {
        Height = drawn.Height;
        Shapes = drawn.Shapes;
        byCode = drawn.Shapes.ToDictionary(s => s.GssCode, StringComparer.Ordinal);
    }

    public int Height { get; }

    public string ViewBox => string.Create(CultureInfo.InvariantCulture, $"0 0 {Width} {Height}");

    /// <summary>The areas in the order of the source file.</summary>
    public IReadOnlyList<MapShape> Shapes { get; }

    public MapShape? Find(string gssCode) => byCode.GetValueOrDefault(gssCode);

    /// <summary>Draws any GeoJSON FeatureCollection of Polygon and MultiPolygon features with <c>code</c> and
    /// <c>name</c> properties.</summary>
    public static ScotlandMap FromGeoJson(Stream geoJson) => new(Draw(geoJson));

    private static (int Height, List<MapShape> Shapes) ReadReferenceData()
    {
        using var stream = ReferenceData.OpenGeoJson();
        return Draw(stream);
    }

    private static (int Height, List<MapShape> Shapes) Draw(Stream geoJson)
    {
        var features = GeoJsonAreas.Read(geoJson);
        var projected = features
            .Select(f => (Feature: f, Rings: f.Rings.Select(r => r.Select(p => TransverseMercator.Project(p.Longitude, p.Latitude)).ToList()).ToList()))
            .ToList();

        var all = projected.SelectMany(f => f.Rings).SelectMany(r => r).ToList();
        if (all.Count == 0)
        {
            throw new InvalidDataException("The boundary file has no coordinates.");
        }

        var minX = all.Min(p => p.X);
        var maxX = all.Max(p => p.X);
        var minY = all.Min(p => p.Y);
        var maxY = all.Max(p => p.Y);
        var scale = (Width - (2 * Margin)) / (maxX - minX);
        var height = (int)Math.Ceiling(((maxY - minY) * scale) + (2 * Margin));

        var shapes = projected.Select(f =>
        {
            var rings = f.Rings
                .Select(ring => Thin([.. ring.Select(p => (X: Margin + ((p.X - minX) * scale), Y: Margin + ((p.Y - minY) * scale)))], Tolerance))
                .Select(ring => Simplify(ring.Select(p => new MapPoint(ToWholeUnits(p.X), ToWholeUnits(p.Y)))))
                .Where(ring => ring.Count >= 3)
                .ToList();
            return new MapShape(f.Feature.Code, f.Feature.Name, rings, SvgPath.Write(rings));
        }).ToList();

        return (height, shapes);
    }

    /// <summary>How far (in viewBox units, about a CSS pixel when the map is shown at its full 600 px) a drawn coast
    /// or border may stray from the boundary file's before a point is kept. With the points then rounded to whole
    /// units, every point drawn is within about a unit and a quarter of the source: invisible at the sizes the map is
    /// shown, and the map's path data is less than half as long (22,451 characters, not 57,168), which every
    /// request for the map page and the CJS dashboard writes out (bench/README.md).</summary>
    public const double Tolerance = 0.5;

    /// <summary>Rounded to a whole unit, held in tenths (<see cref="MapPoint"/>).</summary>
    private static int ToWholeUnits(double value) => 10 * (int)Math.Round(value, MidpointRounding.AwayFromZero);

    /// <summary>Douglas–Peucker: keeps the first and last points, and any point further than
    /// <paramref name="tolerance"/> from the line between the points kept either side of it. A ring's last point is
    /// its first, so for a ring the first split is at the point furthest from it.</summary>
    public static List<(double X, double Y)> Thin(IReadOnlyList<(double X, double Y)> line, double tolerance)
    {
        if (line.Count < 3)
        {
            return [.. line];
        }

        var keep = new bool[line.Count];
        keep[0] = keep[^1] = true;
        var spans = new Stack<(int From, int To)>();
        spans.Push((0, line.Count - 1));
        while (spans.Count > 0)
        {
            var (from, to) = spans.Pop();
            var (furthest, distance) = (-1, -1.0);
            for (var i = from + 1; i < to; i++)
            {
                var d = DistanceToLine(line[i], line[from], line[to]);
                if (d > distance)
                {
                    (furthest, distance) = (i, d);
                }
            }

            if (furthest > 0 && distance > tolerance)
            {
                keep[furthest] = true;
                spans.Push((from, furthest));
                spans.Push((furthest, to));
            }
        }

        return [.. line.Where((_, i) => keep[i])];
    }

    /// <summary>The distance from a point to the line through two others, or to the one point when they coincide.</summary>
    private static double DistanceToLine((double X, double Y) point, (double X, double Y) start, (double X, double Y) end)
    {
        var (dx, dy) = (end.X - start.X, end.Y - start.Y);
        var length = Math.Sqrt((dx * dx) + (dy * dy));
        return length == 0
            ? Math.Sqrt(Math.Pow(point.X - start.X, 2) + Math.Pow(point.Y - start.Y, 2))
            : Math.Abs((dy * (point.X - start.X)) - (dx * (point.Y - start.Y))) / length;
    }

    /// <summary>Drops points that rounding has merged with the one before, and the closing point, which the path's
    /// <c>z</c> draws. A ring left with fewer than three points is an islet too small to see and is dropped by the
    /// caller.</summary>
    private static List<MapPoint> Simplify(IEnumerable<MapPoint> ring)
    {
        var points = new List<MapPoint>();
        foreach (var point in ring)
        {
            if (points.Count == 0 || points[^1] != point)
            {
                points.Add(point);
            }
        }

        while (points.Count > 1 && points[^1] == points[0])
        {
            points.RemoveAt(points.Count - 1);
        }

        return points;
    }

    private static class GeoJsonAreas
    {
        public static List<(string Code, string Name, List<List<(double Longitude, double Latitude)>> Rings)> Read(Stream geoJson)
        {
            using var document = JsonDocument.Parse(geoJson);
            var features = new List<(string, string, List<List<(double, double)>>)>();
            foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
            {
                var properties = feature.GetProperty("properties");
                var code = properties.GetProperty("code").GetString() ?? throw new InvalidDataException("A boundary has no code.");
                var name = properties.GetProperty("name").GetString() ?? code;
                var geometry = feature.GetProperty("geometry");
                var coordinates = geometry.GetProperty("coordinates");
                var rings = geometry.GetProperty("type").GetString() switch
                {
                    "Polygon" => ReadRings(coordinates),
                    "MultiPolygon" => [.. coordinates.EnumerateArray().SelectMany(ReadRings)],
                    var other => throw new InvalidDataException($"Boundary {code} has unsupported geometry type {other}."),
                };
                features.Add((code, name, rings));
            }

            return features;
        }

        private static List<List<(double, double)>> ReadRings(JsonElement polygon) =>
            [.. polygon.EnumerateArray().Select(ring => ring.EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble())).ToList())];
    }
}
