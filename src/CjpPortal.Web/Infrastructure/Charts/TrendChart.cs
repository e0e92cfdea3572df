using System.Globalization;
using System.Xml.Linq;
using CjpPortal.Core.Domain;
using CjpPortal.Core.Rules;
using Microsoft.AspNetCore.Html;

namespace CjpPortal.Web.Infrastructure.Charts;

/// <summary>The engagement trend as a line chart drawn on the server: one line per commissioning stage, the share of
/// partnerships saying "yes" (0 to 100%) across reporting years. Each stage has its own dash pattern and marker
/// shape as well as its colour, and the legend shows both, so colour is never the only cue; the data table beside it
/// carries the same numbers. Built as XML (<see cref="XElement"/>), so every value is escaped; presentation
/// attributes only, which the style-src 'self' policy allows.</summary>
public static class TrendChart
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private const double Width = 640;
    private const double Height = 380;
    private const double Left = 52;
    private const double Right = 24;
    private const double Top = 16;
    private const double PlotBottom = 290;

    /// <summary>How each stage's line is drawn: colour (3:1 or more against white), dash pattern and marker.</summary>
    private static readonly Dictionary<CommissioningStage, (string Colour, string? Dash, string Marker)> Styles = new()
    {
        [CommissioningStage.Analyse] = ("#0065bd", null, "circle"),
        [CommissioningStage.Plan] = ("#b0135b", "8 4", "square"),
        [CommissioningStage.Do] = ("#1f6b2a", "2 4", "triangle"),
        [CommissioningStage.Review] = ("#5d4037", "12 4 2 4", "diamond"),
    };

    /// <summary>The chart as inline SVG: <c>role="img"</c>, named by its <c>&lt;title&gt;</c> and described by its
    /// <c>&lt;desc&gt;</c>; each point carries <c>data-stage</c>, <c>data-year</c> and <c>data-percent</c>.</summary>
    public static IHtmlContent Render(string id, IReadOnlyList<ReportingYear> years, IReadOnlyList<TrendPoint> points, string title)
    {
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(points);
        return new HtmlString(Build(id, years, points, title).ToString(SaveOptions.DisableFormatting));
    }

    public static XElement Build(string id, IReadOnlyList<ReportingYear> years, IReadOnlyList<TrendPoint> points, string title)
    {
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(points);
        var titleId = id + "-title";
        var descId = id + "-desc";
        var svg = new XElement(Svg + "svg",
            new XAttribute("id", id),
            new XAttribute("class", "cjp-chart"),
            new XAttribute("viewBox", $"0 0 {N(Width)} {N(Height)}"),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{titleId} {descId}"),
            new XAttribute("focusable", "false"),
            new XElement(Svg + "title", new XAttribute("id", titleId), title),
            new XElement(Svg + "desc", new XAttribute("id", descId), Description(years, points)));

        var plotWidth = Width - Left - Right;
        double X(int index) => years.Count <= 1 ? Left + (plotWidth / 2) : Left + (plotWidth * index / (years.Count - 1));
        static double Y(int percent) => PlotBottom - ((PlotBottom - Top) * percent / 100d);

        // Axes, grid lines and their labels.
        var axes = new XElement(Svg + "g", new XAttribute("class", "cjp-chart__axes"), new XAttribute("font-size", "12"), new XAttribute("fill", "#333"));
        foreach (var percent in new[] { 0, 25, 50, 75, 100 })
        {
            axes.Add(
                Line(Left, Y(percent), Width - Right, Y(percent), percent == 0 ? "#333" : "#ccc", null),
                Text(Left - 6, Y(percent) + 4, "end", string.Create(CultureInfo.InvariantCulture, $"{percent}%")));
        }

        axes.Add(Line(Left, Top, Left, PlotBottom, "#333", null));
        for (var i = 0; i < years.Count; i++)
        {
            axes.Add(Text(X(i), PlotBottom + 18, "middle", years[i].Label));
        }

        axes.Add(Text(Left + (plotWidth / 2), PlotBottom + 38, "middle", "Reporting year"));
        axes.Add(new XElement(Svg + "text", new XAttribute("x", N(14)), new XAttribute("y", N((Top + PlotBottom) / 2)),
            new XAttribute("text-anchor", "middle"), new XAttribute("transform", $"rotate(-90 14 {N((Top + PlotBottom) / 2)})"),
            "Share saying yes"));
        svg.Add(axes);

        // One group per stage: the line (broken where a year has nothing recorded) and a marker per point.
        foreach (var stage in EngagementPicture.Stages)
        {
            var (colour, dash, marker) = Styles[stage];
            var group = new XElement(Svg + "g", new XAttribute("class", "cjp-chart__series"), new XAttribute("data-stage", stage.ToString()));
            var segment = new List<(double X, double Y)>();
            void Flush()
            {
                if (segment.Count > 1)
                {
                    group.Add(new XElement(Svg + "polyline",
                        new XAttribute("points", string.Join(' ', segment.Select(p => $"{N(p.X)},{N(p.Y)}"))),
                        new XAttribute("fill", "none"),
                        new XAttribute("stroke", colour),
                        new XAttribute("stroke-width", "2.5"),
                        dash is null ? null : new XAttribute("stroke-dasharray", dash)));
                }

                segment.Clear();
            }

            for (var i = 0; i < years.Count; i++)
            {
                var point = points.FirstOrDefault(p => p.Stage == stage && p.ReportingYearStart == years[i].StartYear);
                if (point?.Percent is not { } percent)
                {
                    Flush();
                    continue;
                }

                segment.Add((X(i), Y(percent)));
                var shape = Marker(marker, X(i), Y(percent), colour);
                shape.Add(new XAttribute("data-year", years[i].StartYear.ToString(CultureInfo.InvariantCulture)),
                    new XAttribute("data-percent", percent.ToString(CultureInfo.InvariantCulture)));
                group.Add(shape);
            }

            Flush();
            svg.Add(group);
        }

        // The legend: each stage's line sample with its marker and name.
        var legend = new XElement(Svg + "g", new XAttribute("class", "cjp-chart__legend"), new XAttribute("font-size", "13"), new XAttribute("fill", "#333"));
        var slot = (Width - Left) / EngagementPicture.Stages.Count;
        for (var i = 0; i < EngagementPicture.Stages.Count; i++)
        {
            var stage = EngagementPicture.Stages[i];
            var (colour, dash, marker) = Styles[stage];
            var x = Left + (slot * i);
            const double y = Height - 18;
            legend.Add(
                Line(x, y, x + 36, y, colour, dash, 2.5),
                Marker(marker, x + 18, y, colour),
                Text(x + 44, y + 4, "start", Labels.Of(stage)));
        }

        svg.Add(legend);
        return svg;
    }

    private static string Description(IReadOnlyList<ReportingYear> years, IReadOnlyList<TrendPoint> points)
    {
        if (years.Count == 0)
        {
            return "No annual returns are recorded yet.";
        }

        var latest = years[^1];
        var parts = EngagementPicture.Stages.Select(stage =>
        {
            var point = points.FirstOrDefault(p => p.Stage == stage && p.ReportingYearStart == latest.StartYear);
            return point?.Percent is { } percent
                ? string.Create(CultureInfo.InvariantCulture, $"{Labels.Of(stage)} {percent}%")
                : $"{Labels.Of(stage)} not recorded";
        });
        return $"Lines for the stages analyse, plan, do and review, showing the share of partnerships that said the third sector was involved, "
            + $"from {years[0].Label} to {latest.Label}. In {latest.Label}: {string.Join(", ", parts)}. The table that follows gives every figure.";
    }

    private static XElement Marker(string marker, double x, double y, string colour)
    {
        var shape = marker switch
        {
            "circle" => new XElement(Svg + "circle", new XAttribute("cx", N(x)), new XAttribute("cy", N(y)), new XAttribute("r", "5")),
            "square" => new XElement(Svg + "rect", new XAttribute("x", N(x - 4.5)), new XAttribute("y", N(y - 4.5)), new XAttribute("width", "9"), new XAttribute("height", "9")),
            "triangle" => new XElement(Svg + "polygon", new XAttribute("points", $"{N(x)},{N(y - 6)} {N(x + 6)},{N(y + 5)} {N(x - 6)},{N(y + 5)}")),
            _ => new XElement(Svg + "polygon", new XAttribute("points", $"{N(x)},{N(y - 6)} {N(x + 6)},{N(y)} {N(x)},{N(y + 6)} {N(x - 6)},{N(y)}")),
        };
        shape.Add(new XAttribute("fill", colour), new XAttribute("class", "cjp-chart__point"));
        return shape;
    }

    private static XElement Line(double x1, double y1, double x2, double y2, string colour, string? dash, double width = 1) =>
        new(Svg + "line",
            new XAttribute("x1", N(x1)), new XAttribute("y1", N(y1)), new XAttribute("x2", N(x2)), new XAttribute("y2", N(y2)),
            new XAttribute("stroke", colour), new XAttribute("stroke-width", N(width)),
            dash is null ? null : new XAttribute("stroke-dasharray", dash));

    private static XElement Text(double x, double y, string anchor, string text) =>
        new(Svg + "text", new XAttribute("x", N(x)), new XAttribute("y", N(y)), new XAttribute("text-anchor", anchor), text);

    private static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
