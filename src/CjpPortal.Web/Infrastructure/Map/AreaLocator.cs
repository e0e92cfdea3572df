using System.Text.Json;
using CjpPortal.Core.Seed;

namespace CjpPortal.Web.Infrastructure.Map;

/// <summary>A council area found for a position.</summary>
public sealed record LocatedArea(string GssCode, string Name);

/// <summary>Finds the council area a position (WGS84 latitude and longitude) lies in, by point in polygon against
/// the boundaries shipped in CjpPortal.Core. The boundaries are simplified, so a point on the shore can fall just
/// outside its area's coastline: a point in no area but within <see cref="CoastToleranceKm"/> of one is given the
/// nearest. Further out it is at sea or outside Scotland.</summary>
public sealed class AreaLocator
{
    /// <summary>How far outside the simplified coastline a position still counts as on land (harbours, piers, beaches).</summary>
    public const double CoastToleranceKm = 2.0;

    private const double EarthRadiusKm = 6371.0;

    private readonly List<Area> areas;

    /// <summary>The council areas from the boundaries shipped in CjpPortal.Core.</summary>
    public AreaLocator()
    {
        using var stream = ReferenceData.OpenGeoJson();
        areas = Read(stream);
    }

    private AreaLocator(List<Area> areas) => this.areas = areas;

    /// <summary>Reads any GeoJSON FeatureCollection of Polygon and MultiPolygon features with <c>code</c> and <c>name</c>
    /// properties.</summary>
    public static AreaLocator FromGeoJson(Stream geoJson) => new(Read(geoJson));

    /// <summary>The area containing the position, or the nearest within <see cref="CoastToleranceKm"/>; null when
    /// the position is at sea or outside the boundaries, or is not a valid latitude and longitude.</summary>
    public LocatedArea? Locate(double latitude, double longitude)
    {
        if (!double.IsFinite(latitude) || !double.IsFinite(longitude) || Math.Abs(latitude) > 90 || Math.Abs(longitude) > 180)
        {
            return null;
        }

        var point = new Point(longitude, latitude);
        foreach (var area in areas)
        {
            if (area.Polygons.Any(p => p.Contains(point)))
            {
                return area.Located;
            }
        }

        var nearest = areas
            .Select(a => (Area: a, Km: a.Polygons.SelectMany(p => p.Rings).Min(r => DistanceKm(point, r))))
            .MinBy(a => a.Km);
        return nearest.Area is not null && nearest.Km <= CoastToleranceKm ? nearest.Area.Located : null;
    }

    /// <summary>Ray casting, even-odd: a point on the boundary may go either way, which only matters where two
    /// areas meet, and then either answer is a neighbour.</summary>
    private static bool InRing(Point point, IReadOnlyList<Point> ring)
    {
        var inside = false;
        for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
        {
            var a = ring[i];
            var b = ring[j];
            if ((a.Y > point.Y) != (b.Y > point.Y)
                && point.X < ((b.X - a.X) * (point.Y - a.Y) / (b.Y - a.Y)) + a.X)
            {
                inside = !inside;
            }
        }

        return inside;
    }

    /// <summary>The shortest distance from the point to the ring's edges, on a local flat projection (good to a few
    /// metres over the few kilometres it is used for).</summary>
    private static double DistanceKm(Point point, IReadOnlyList<Point> ring)
    {
        var kmPerDegreeY = Math.PI * EarthRadiusKm / 180;
        var kmPerDegreeX = kmPerDegreeY * Math.Cos(point.Y * Math.PI / 180);
        var best = double.MaxValue;
        for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
        {
            var ax = (ring[j].X - point.X) * kmPerDegreeX;
            var ay = (ring[j].Y - point.Y) * kmPerDegreeY;
            var bx = (ring[i].X - point.X) * kmPerDegreeX;
            var by = (ring[i].Y - point.Y) * kmPerDegreeY;
            var dx = bx - ax;
            var dy = by - ay;
            var lengthSquared = (dx * dx) + (dy * dy);
            var t = lengthSquared == 0 ? 0 : Math.Clamp(-((ax * dx) + (ay * dy)) / lengthSquared, 0, 1);
            var x = ax + (t * dx);
            var y = ay + (t * dy);
            best = Math.Min(best, Math.Sqrt((x * x) + (y * y)));
        }

        return best;
    }

    private static List<Area> Read(Stream geoJson)
    {
        using var document = JsonDocument.Parse(geoJson);
        var result = new List<Area>();
        foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
        {
            var properties = feature.GetProperty("properties");
            var code = properties.GetProperty("code").GetString() ?? throw new InvalidDataException("A boundary has no code.");
            var name = properties.GetProperty("name").GetString() ?? code;
            var geometry = feature.GetProperty("geometry");
            var coordinates = geometry.GetProperty("coordinates");
            List<Polygon> polygons = geometry.GetProperty("type").GetString() switch
            {
                "Polygon" => [ReadPolygon(coordinates)],
                "MultiPolygon" => [.. coordinates.EnumerateArray().Select(ReadPolygon)],
                var other => throw new InvalidDataException($"Boundary {code} has unsupported geometry type {other}."),
            };
            result.Add(new Area(new LocatedArea(code, name), polygons));
        }

        return result;
    }

    private static Polygon ReadPolygon(JsonElement polygon)
    {
        var rings = polygon.EnumerateArray()
            .Select(ring => (IReadOnlyList<Point>)[.. ring.EnumerateArray().Select(p => new Point(p[0].GetDouble(), p[1].GetDouble()))])
            .ToList();
        return rings.Count == 0 ? throw new InvalidDataException("A polygon has no rings.") : new Polygon(rings);
    }

    private readonly record struct Point(double X, double Y);

    /// <summary>An outer ring and its holes (GeoJSON order: the first ring is the outer one).</summary>
    private sealed record Polygon(List<IReadOnlyList<Point>> Rings)
    {
        public bool Contains(Point point) => InRing(point, Rings[0]) && !Rings.Skip(1).Any(hole => InRing(point, hole));
    }

    private sealed record Area(LocatedArea Located, List<Polygon> Polygons);
}
