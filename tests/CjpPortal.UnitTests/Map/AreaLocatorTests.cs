using System.Globalization;
using System.Text;
using CjpPortal.Web.Infrastructure.Map;

namespace CjpPortal.UnitTests.Map;

public sealed class AreaLocatorTests
{
    private static readonly AreaLocator Scotland = new();

    [Theory]
    [InlineData(58.2094, -6.3872, "S12000013")] // Stornoway
    [InlineData(58.9810, -2.9600, "S12000023")] // Kirkwall
    [InlineData(60.1546, -1.1494, "S12000027")] // Lerwick
    [InlineData(55.8456, -4.4239, "S12000038")] // Paisley
    [InlineData(55.0700, -3.6050, "S12000006")] // Dumfries
    [InlineData(57.4778, -4.2247, "S12000017")] // Inverness
    [InlineData(57.4125, -6.1960, "S12000017")] // Portree, Skye
    [InlineData(55.9533, -3.1883, "S12000036")] // Edinburgh
    [InlineData(55.8642, -4.2518, "S12000049")] // Glasgow
    [InlineData(56.0019, -3.7839, "S12000014")] // Falkirk
    [InlineData(57.1497, -2.0943, "S12000033")] // Aberdeen
    [InlineData(56.1165, -3.9369, "S12000030")] // Stirling
    [InlineData(56.4150, -5.4710, "S12000035")] // Oban
    public void Locate_TownCentre_FindsItsCouncilArea(double latitude, double longitude, string expected)
    {
        // Act
        var area = Scotland.Locate(latitude, longitude);

        // Assert
        Assert.Equal(expected, area?.GssCode);
    }

    [Theory]
    [InlineData(57.0, -9.0)] // the Atlantic, west of Barra
    [InlineData(57.0, 0.0)] // the North Sea
    [InlineData(51.5074, -0.1278)] // London
    [InlineData(54.5973, -5.9301)] // Belfast
    [InlineData(54.8925, -2.9329)] // Carlisle
    [InlineData(-33.8688, 151.2093)] // Sydney
    public void Locate_PointAtSeaOrOutsideScotland_ReturnsNull(double latitude, double longitude)
    {
        // Act
        var area = Scotland.Locate(latitude, longitude);

        // Assert
        Assert.Null(area);
    }

    [Theory]
    [InlineData(double.NaN, -4.0)]
    [InlineData(56.0, double.PositiveInfinity)]
    [InlineData(91.0, -4.0)]
    [InlineData(56.0, -181.0)]
    public void Locate_InvalidCoordinates_ReturnsNull(double latitude, double longitude)
    {
        // Act
        var area = Scotland.Locate(latitude, longitude);

        // Assert
        Assert.Null(area);
    }

    [Fact]
    public void Locate_PointInHoleOfPolygon_IsNotInTheArea()
    {
        // Arrange: a 10-degree square with a 2-degree hole in the middle.
        var locator = FromGeoJson(Feature("S1", "Ring", "Polygon", "[" + Square(0, 0, 10) + "," + Square(4, 4, 2) + "]"));

        // Act
        var inHole = locator.Locate(5, 5);
        var inRing = locator.Locate(1, 1);

        // Assert
        Assert.Null(inHole);
        Assert.Equal("S1", inRing?.GssCode);
    }

    [Fact]
    public void Locate_PointInAnyPartOfMultiPolygon_FindsTheArea()
    {
        // Arrange: two islands, the second with a lagoon, and a second area elsewhere.
        var locator = FromGeoJson(
            Feature("S1", "Islands", "MultiPolygon", "[[" + Square(0, 0, 1) + "],[" + Square(10, 10, 4) + "," + Square(11, 11, 2) + "]]"),
            Feature("S2", "Mainland", "Polygon", "[" + Square(20, 0, 5) + "]"));

        // Act
        var first = locator.Locate(0.5, 0.5);
        var second = locator.Locate(10.5, 10.5);
        var lagoon = locator.Locate(12, 12);
        var mainland = locator.Locate(22, 2);

        // Assert
        Assert.Equal("S1", first?.GssCode);
        Assert.Equal("S1", second?.GssCode);
        Assert.Null(lagoon);
        Assert.Equal("S2", mainland?.GssCode);
    }

    [Fact]
    public void Locate_PointJustOffTheCoast_GivesTheNearestArea()
    {
        // Arrange: a square whose east edge is at longitude 1 on the equator, where 0.01 degrees is about 1.1 km.
        var locator = FromGeoJson(Feature("S1", "Coast", "Polygon", "[" + Square(0, 0, 1) + "]"));

        // Act
        var nearShore = locator.Locate(0.5, 1.01);
        var offshore = locator.Locate(0.5, 1.05);

        // Assert
        Assert.Equal("S1", nearShore?.GssCode);
        Assert.Null(offshore);
    }

    /// <summary>A closed ring from (lat, lon) with sides of <paramref name="size"/> degrees, as GeoJSON [lon, lat] pairs.</summary>
    private static string Square(double latitude, double longitude, double size) => string.Create(CultureInfo.InvariantCulture,
        $"[[{longitude},{latitude}],[{longitude + size},{latitude}],[{longitude + size},{latitude + size}],[{longitude},{latitude + size}],[{longitude},{latitude}]]");

    private static string Feature(string code, string name, string type, string coordinates) =>
        "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code + "\",\"name\":\"" + name + "\"},"
        + "\"geometry\":{\"type\":\"" + type + "\",\"coordinates\":" + coordinates + "}}";

    private static AreaLocator FromGeoJson(params string[] features)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("{\"type\":\"FeatureCollection\",\"features\":[" + string.Join(",", features) + "]}"));
        return AreaLocator.FromGeoJson(stream);
    }
}
