using System.Xml.Linq;
using CjpPortal.Core.Domain;
using CjpPortal.Core.Rules;
using CjpPortal.Web.Infrastructure.Charts;

namespace CjpPortal.UnitTests.Infrastructure;

public sealed class TrendChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly ReportingYear[] Years = [new(2022), new(2023), new(2024)];

    private static readonly TrendPoint[] Points =
    [
        new(2022, CommissioningStage.Analyse, 1, 2),
        new(2023, CommissioningStage.Analyse, 0, 0),
        new(2024, CommissioningStage.Analyse, 3, 3),
        new(2024, CommissioningStage.Plan, 1, 4),
    ];

    [Fact]
    public void Render_Points_IsWellFormedSvgNamedAndDescribed()
    {
        // Act
        var html = TrendChart.Build("trend", Years, Points, "Share <yes> & more").ToString();
        var svg = XElement.Parse(html);

        // Assert
        Assert.Equal(Svg + "svg", svg.Name);
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("Share <yes> & more", svg.Element(Svg + "title")!.Value);
        Assert.Contains("from 2022-23 to 2024-25", svg.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
        Assert.Contains("Analyse 100%, Plan 25%, Do not recorded, Review not recorded", svg.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_YearWithNothingRecorded_BreaksTheLineAndPlotsNoPoint()
    {
        // Act
        var svg = TrendChart.Build("trend", Years, Points, "Trend");
        var analyse = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("data-stage") == "Analyse");

        // Assert: two points either side of the gap, and no line joining them across it
        Assert.Equal(["2022 50", "2024 100"], analyse.Elements().Where(e => e.Attribute("data-percent") is not null)
            .Select(e => $"{e.Attribute("data-year")!.Value} {e.Attribute("data-percent")!.Value}"));
        Assert.Empty(analyse.Elements(Svg + "polyline"));
    }

    [Fact]
    public void Build_EachStage_HasItsOwnMarkerShapeAndDashSoColourIsNotTheOnlyCue()
    {
        // Act
        var svg = TrendChart.Build("trend", Years, Points, "Trend");
        var legend = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "cjp-chart__legend");

        // Assert
        var markers = legend.Elements().Where(e => (string?)e.Attribute("class") == "cjp-chart__point").Select(e => e.Name.LocalName + (e.Attribute("points")?.Value.Split(' ').Length ?? 0)).ToList();
        Assert.Equal(4, markers.Distinct().Count());
        var dashes = legend.Elements(Svg + "line").Select(l => (string?)l.Attribute("stroke-dasharray") ?? "solid").ToList();
        Assert.Equal(4, dashes.Distinct().Count());
        Assert.Equal(["Analyse", "Plan", "Do", "Review"], legend.Elements(Svg + "text").Select(t => t.Value));
    }
}
