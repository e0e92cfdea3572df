namespace CjpPortal.Web.Infrastructure.Map;

/// <summary>A spherical transverse Mercator projection centred on Scotland. Like the Ordnance Survey grid, it keeps
/// shapes true near the central meridian, so neither the mainland nor Shetland is squashed or sheared the way a plain
/// longitude/latitude plot would draw them.</summary>
public static class TransverseMercator
{
    /// <summary>4° west runs through the middle of Scotland, from St Kilda (8.6° W) to Shetland (0.7° W).</summary>
    public const double CentralMeridian = -4.0;

    /// <summary>Projects WGS84 degrees to plane units (radians of arc) with x growing east and y growing south, the
    /// direction SVG's y axis grows.</summary>
    public static (double X, double Y) Project(double longitude, double latitude)
    {
        var phi = double.DegreesToRadians(latitude);
        var deltaLambda = double.DegreesToRadians(longitude - CentralMeridian);
        var x = Math.Atanh(Math.Cos(phi) * Math.Sin(deltaLambda));
        var northing = Math.Atan2(Math.Sin(phi), Math.Cos(phi) * Math.Cos(deltaLambda));
        return (x, -northing);
    }
}
