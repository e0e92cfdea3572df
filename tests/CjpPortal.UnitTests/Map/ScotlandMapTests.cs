using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CjpPortal.Core.Seed;
using CjpPortal.Web.Infrastructure.Map;

namespace CjpPortal.UnitTests.Map;

public partial class ScotlandMapTests
{
    private const string Shetland = "S12000027";
    private const string Orkney = "S12000023";
    private const string Highland = "S12000017";
    private const string Edinburgh = "S12000036";
    private const string Glasgow = "S12000049";
    private const string Dundee = "S12000042";
    private const string Clackmannanshire = "S12000005";
    private const string WesternIsles = "S12000013";

    private static readonly ScotlandMap Map = new();

    [Fact]
    public void Build_EmbeddedBoundaries_DrawsEveryCouncilArea()
    {
        // Arrange
        var codes = ReferenceData.CouncilAreas.Select(a => a.GssCode).ToList();

        // Act
        var missing = codes.Where(code => Map.Find(code) is not { PathData.Length: > 0, Rings.Count: > 0 }).ToList();

        // Assert
        Assert.Equal(32, codes.Count);
        Assert.Empty(missing);
        Assert.Equal(32, Map.Shapes.Count);
    }

    [Fact]
    public void Build_EmbeddedBoundaries_EveryPointInsideViewBox()
    {
        // Arrange
        var points = Map.Shapes.SelectMany(s => s.Rings).SelectMany(r => r).ToList();

        // Act
        var outside = points.Where(p => p.X < 0 || p.X > ScotlandMap.Width || p.Y < 0 || p.Y > Map.Height).ToList();

        // Assert
        Assert.Equal($"0 0 {ScotlandMap.Width} {Map.Height}", Map.ViewBox);
        Assert.NotEmpty(points);
        Assert.Empty(outside);
        // The drawing fills the width: a fitting error that shrank it into a corner would still pass the bounds check.
        Assert.InRange(points.Min(p => p.X), 0, 20);
        Assert.InRange(points.Max(p => p.X), ScotlandMap.Width - 20, ScotlandMap.Width);
        Assert.InRange(points.Max(p => p.Y), Map.Height - 20, Map.Height);
    }

    [Fact]
    public void Build_EmbeddedBoundaries_PathDataHoldsOnlyCommandsAndNumbers()
    {
        // Arrange
        var paths = Map.Shapes.Select(s => (s.GssCode, s.PathData)).ToList();

        // Act
        var malformed = paths.Where(p => !PathGrammar().IsMatch(p.PathData)).Select(p => p.GssCode).ToList();

        // Assert
        Assert.Empty(malformed);
        Assert.DoesNotContain(paths, p => p.PathData.Contains("NaN", StringComparison.Ordinal) || p.PathData.Contains("Infinity", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_EmbeddedBoundaries_PathDataRedrawsEveryRing()
    {
        // Arrange
        var shapes = Map.Shapes;

        // Act
        var redrawn = shapes.Select(s => ParsePath(s.PathData)).ToList();

        // Assert
        for (var i = 0; i < shapes.Count; i++)
        {
            Assert.Equal(shapes[i].Rings.Select(r => r.ToList()), redrawn[i]);
        }
    }

    [Fact]
    public void Build_NorthernIsles_DrawnNorthOfHighland()
    {
        // Arrange
        var shetland = Map.Find(Shetland)!;
        var orkney = Map.Find(Orkney)!;
        var highland = Map.Find(Highland)!;

        // Act
        var shetlandSouthernmost = shetland.Rings.SelectMany(r => r).Max(p => p.Y);
        var orkneyNorthernmost = orkney.Rings.SelectMany(r => r).Min(p => p.Y);
        var orkneySouthernmost = orkney.Rings.SelectMany(r => r).Max(p => p.Y);
        var highlandCentre = highland.Rings.SelectMany(r => r).Average(p => p.Y);

        // Assert: smaller y is further north. Fair Isle, Shetland's southernmost island, lies north of all of Orkney.
        Assert.True(shetlandSouthernmost < orkneyNorthernmost, $"Shetland reaches south to y={shetlandSouthernmost}, Orkney north to y={orkneyNorthernmost}");
        Assert.True(orkneySouthernmost < highlandCentre, $"Orkney reaches south to y={orkneySouthernmost}, Highland's centre is at y={highlandCentre}");
    }

    [Fact]
    public void Build_Edinburgh_DrawnEastOfGlasgow()
    {
        // Arrange
        var edinburgh = Map.Find(Edinburgh)!;
        var glasgow = Map.Find(Glasgow)!;

        // Act
        var edinburghWesternmost = edinburgh.Rings.SelectMany(r => r).Min(p => p.X);
        var glasgowEasternmost = glasgow.Rings.SelectMany(r => r).Max(p => p.X);

        // Assert
        Assert.True(edinburghWesternmost > glasgowEasternmost, $"Edinburgh reaches west to x={edinburghWesternmost}, Glasgow east to x={glasgowEasternmost}");
    }

    [Fact]
    public void Build_EmbeddedBoundaries_KeepsScotlandsProportions()
    {
        // Arrange: from Fair Isle-to-Muckle Flugga and the Mull of Galloway, Scotland is about 690 km north to south;
        // from St Kilda to Out Skerries it is about 450 km west to east.
        const double expected = 690.0 / 450.0;

        // Act
        var ratio = (double)Map.Height / ScotlandMap.Width;

        // Assert: a plain longitude/latitude plot gives 0.8, one corrected only by cos 57.5° gives 1.47.
        Assert.InRange(ratio, expected - 0.05, expected + 0.05);
    }

    [Fact]
    public void Build_SmallestAreas_DrawnLargeEnoughToSee()
    {
        // Arrange
        string[] smallest = [Dundee, Clackmannanshire];

        // Act
        var extents = smallest.Select(code =>
        {
            var points = Map.Find(code)!.Rings.SelectMany(r => r).ToList();
            return Math.Min(points.Max(p => p.X) - points.Min(p => p.X), points.Max(p => p.Y) - points.Min(p => p.Y));
        }).ToList();

        // Assert: at least 6 units of 600 across, about 4 px when the map is shown 400 px wide on a phone.
        Assert.All(extents, extent => Assert.True(extent >= 6, $"extent {extent}"));
    }

    [Fact]
    public void Build_IslandAreas_DrawEveryIslandGroup()
    {
        // Arrange
        var westernIsles = Map.Find(WesternIsles)!;

        // Act
        var islands = westernIsles.Rings.Count;

        // Assert: Lewis and Harris, the Uists, Barra and their neighbours, St Kilda among them.
        Assert.True(islands >= 10, $"{islands} rings");
        Assert.True(westernIsles.Rings.SelectMany(r => r).Min(p => p.X) < 20, "St Kilda should be at the west edge of the map");
    }

    [Fact]
    public void Build_PointsMergedByRounding_DropsDuplicatesAndSlivers()
    {
        // Arrange: a square whose second point rounds onto the first, plus an islet far smaller than a tenth of a unit.
        const string geoJson = """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"code":"S1","name":"Square"},"geometry":{"type":"MultiPolygon","coordinates":[
                [[[-4,56],[-3.9999999,56],[-3,56],[-3,57],[-4,57],[-4,56]]],
                [[[-3.5,56.5],[-3.5000001,56.5],[-3.5,56.5000001],[-3.5,56.5]]]
              ]}}
            ]}
            """;
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(geoJson));

        // Act
        var map = ScotlandMap.FromGeoJson(stream);

        // Assert
        var square = Assert.Single(map.Shapes);
        var ring = Assert.Single(square.Rings);
        Assert.Equal(4, ring.Count);
        Assert.Equal(ring.Count, ring.Distinct().Count());
        Assert.Equal(1, square.PathData.Count(c => c == 'M'));
    }

    [Fact]
    public void Build_EmbeddedBoundaries_PathDataStaysShort()
    {
        // Arrange: every request for the map page and the CJS dashboard writes the whole map out (57,168 characters
        // before the coasts were thinned and rounded to whole units).
        const int budget = 25_000;

        // Act
        var length = Map.Shapes.Sum(s => s.PathData.Length);

        // Assert
        Assert.True(length < budget, $"{length} characters of path data");
    }

    [Fact]
    public void Thin_PointsNearTheLine_DroppedAndCornersKept()
    {
        // Arrange: a closed square (last point = first) with a point on each side, one just off a side, and one corner
        // pushed out further than the tolerance.
        (double X, double Y)[] ring =
        [
            (0, 0), (5, 0.2), (10, 0), (10, 5), (10, 10), (5, 10 + ScotlandMap.Tolerance + 0.1), (0, 10), (0, 5), (0, 0),
        ];

        // Act
        var thinned = ScotlandMap.Thin(ring, ScotlandMap.Tolerance);

        // Assert
        Assert.Equal([(0, 0), (10, 0), (10, 10), (5, 10 + ScotlandMap.Tolerance + 0.1), (0, 10), (0, 0)], thinned);
    }

    [Fact]
    public void Thin_TwoPoints_Unchanged()
    {
        // Arrange
        (double X, double Y)[] line = [(0, 0), (3, 4)];

        // Act
        var thinned = ScotlandMap.Thin(line, ScotlandMap.Tolerance);

        // Assert
        Assert.Equal(line, thinned);
    }

    [Fact]
    public void Build_UnsupportedGeometry_Throws()
    {
        // Arrange
        const string geoJson = """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"code":"S1","name":"Line"},"geometry":{"type":"LineString","coordinates":[[-4,56],[-3,57]]}}
            ]}
            """;
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(geoJson));

        // Act
        var error = Assert.Throws<InvalidDataException>(() => ScotlandMap.FromGeoJson(stream));

        // Assert
        Assert.Contains("LineString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NegativeAndFractionalSteps_WritesCompactRelativePath()
    {
        // Arrange
        IReadOnlyList<MapPoint>[] rings = [[new(10, 20), new(15, 20), new(15, 35), new(3, 35)], [new(1234, 5), new(1230, 0), new(1240, 0)]];

        // Act
        var path = SvgPath.Write(rings);

        // Assert
        Assert.Equal("M1 2l.5 0 0 1.5-1.2 0zM123.4 .5l-.4-.5 1 0z", path);
    }

    /// <summary>Reads back the subset of SVG path syntax the map writes: M x y, then l dx dy pairs, then z.</summary>
    private static List<List<MapPoint>> ParsePath(string path)
    {
        var rings = new List<List<MapPoint>>();
        List<MapPoint>? ring = null;
        var numbers = new Queue<int>();
        foreach (Match token in PathToken().Matches(path))
        {
            switch (token.Value)
            {
                case "M":
                case "l":
                case "z":
                    Flush();
                    if (token.Value == "M")
                    {
                        ring = [];
                        rings.Add(ring);
                    }

                    break;
                default:
                    numbers.Enqueue((int)Math.Round(double.Parse(token.Value, CultureInfo.InvariantCulture) * 10));
                    break;
            }
        }

        return rings;

        void Flush()
        {
            Assert.True(numbers.Count % 2 == 0, "odd number of coordinates");
            while (numbers.Count > 0)
            {
                var (dx, dy) = (numbers.Dequeue(), numbers.Dequeue());
                var origin = ring!.Count == 0 ? new MapPoint(0, 0) : ring[^1];
                ring.Add(new MapPoint(origin.XTenths + dx, origin.YTenths + dy));
            }
        }
    }

    [GeneratedRegex(@"^(M-?[0-9.]+[ -][0-9.]+(l(-?[0-9.]+[ -][0-9.]+)([ -][0-9.]+[ -][0-9.]+)*)?z)+$")]
    private static partial Regex PathGrammar();

    [GeneratedRegex(@"[Mlz]|-?(?:\d+(?:\.\d)?|\.\d)")]
    private static partial Regex PathToken();
}
