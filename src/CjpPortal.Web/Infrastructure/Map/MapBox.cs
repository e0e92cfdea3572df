namespace CjpPortal.Web.Infrastructure.Map;

/// <summary>An axis-aligned box in the map's viewBox units (y grows downwards, as in SVG).</summary>
public readonly record struct MapBox(double Left, double Top, double Right, double Bottom)
{
    public double Width => Right - Left;

    public double Height => Bottom - Top;

    public double CentreX => (Left + Right) / 2;

    /// <summary>The smallest box holding every point of <paramref name="rings"/>.</summary>
    public static MapBox Around(IEnumerable<IEnumerable<MapPoint>> rings)
    {
        ArgumentNullException.ThrowIfNull(rings);
        var points = rings.SelectMany(r => r).ToList();
        return points.Count == 0
            ? default
            : new MapBox(points.Min(p => p.X), points.Min(p => p.Y), points.Max(p => p.X), points.Max(p => p.Y));
    }

    /// <summary>The smallest box holding both boxes.</summary>
    public MapBox Union(MapBox other) =>
        new(Math.Min(Left, other.Left), Math.Min(Top, other.Top), Math.Max(Right, other.Right), Math.Max(Bottom, other.Bottom));

    public MapBox Grow(double by) => new(Left - by, Top - by, Right + by, Bottom + by);

    public bool Overlaps(MapBox other) => Left < other.Right && other.Left < Right && Top < other.Bottom && other.Top < Bottom;
}
