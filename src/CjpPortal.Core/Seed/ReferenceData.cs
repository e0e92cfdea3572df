using System.Globalization;
using System.Reflection;

namespace CjpPortal.Core.Seed;

/// <summary>A row of council-areas.csv: a council area and the partnership that covers it.</summary>
public sealed record CouncilAreaRow(string GssCode, string Name, IReadOnlyList<string> Aliases, string PartnershipName, string PartnershipSlug);

/// <summary>A row of places.csv: a town, village, district or island and the council area (GSS code) it lies in.</summary>
public sealed record PlaceRow(string Name, string GssCode);

/// <summary>Reference data shipped with the portal (see Seed/README.md for sources and licences).</summary>
public static class ReferenceData
{
    private static readonly Lazy<IReadOnlyList<CouncilAreaRow>> Rows = new(LoadCouncilAreas);
    private static readonly Lazy<IReadOnlyList<PlaceRow>> PlaceRows = new(LoadPlaces);

    public static IReadOnlyList<CouncilAreaRow> CouncilAreas => Rows.Value;

    public static IReadOnlyList<PlaceRow> Places => PlaceRows.Value;

    public static Stream OpenGeoJson() => OpenResource("CjpPortal.Core.Seed.scotland-council-areas.geojson");

    private static List<CouncilAreaRow> LoadCouncilAreas()
    {
        using var reader = new StreamReader(OpenResource("CjpPortal.Core.Seed.council-areas.csv"));
        var header = reader.ReadLine();
        if (header != "gss_code,name,aliases,partnership,partnership_slug")
        {
            throw new InvalidDataException($"Unexpected council-areas.csv header: {header}");
        }

        var rows = new List<CouncilAreaRow>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            // The file has no quoted fields; a comma inside a field would be a data error.
            var fields = line.Split(',');
            if (fields.Length != 5)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"council-areas.csv line has {fields.Length} fields: {line}"));
            }

            var aliases = fields[2].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            rows.Add(new CouncilAreaRow(fields[0], fields[1], aliases, fields[3], fields[4]));
        }

        return rows;
    }

    private static List<PlaceRow> LoadPlaces()
    {
        using var reader = new StreamReader(OpenResource("CjpPortal.Core.Seed.places.csv"));
        var header = reader.ReadLine();
        if (header != "place,gss_code,council_area")
        {
            throw new InvalidDataException($"Unexpected places.csv header: {header}");
        }

        var rows = new List<PlaceRow>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            // No quoted fields, as in council-areas.csv.
            var fields = line.Split(',');
            if (fields.Length != 3)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"places.csv line has {fields.Length} fields: {line}"));
            }

            rows.Add(new PlaceRow(fields[0], fields[1]));
        }

        return rows;
    }

    private static Stream OpenResource(string name) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
}
