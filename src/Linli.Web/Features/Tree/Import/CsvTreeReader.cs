using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Linli.Web.Features.Tree.Import;

/// <summary>Reads the CSV form of the tree: code,parentCode,kind,name,nameEn,rural,geometry (WKT, WGS84).</summary>
public static class CsvTreeReader
{
    public const string PositionName = "line";
    public static readonly string[] Header = ["code", "parentCode", "kind", "name", "nameEn", "rural", "geometry"];

    public static List<ImportFeature> Read(Stream stream)
    {
        using var reader = new StreamReader(stream);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            MissingFieldFound = null,
            BadDataFound = null,
            TrimOptions = TrimOptions.Trim,
        };
        using var csv = new CsvReader(reader, configuration);

        try
        {
            if (!csv.Read() || !csv.ReadHeader())
            {
                throw Rejected(1, "file", "the CSV file is empty; the first line must be the header " + string.Join(',', Header));
            }

            var missing = Header.Take(4).Where(h => !csv.HeaderRecord!.Contains(h, StringComparer.Ordinal)).ToList();
            if (missing.Count > 0)
            {
                throw Rejected(1, string.Join(',', missing), "the header lacks required column(s): " + string.Join(", ", missing));
            }

            var result = new List<ImportFeature>();
            var wkt = new WKTReader(new NtsGeometryServices(new PrecisionModel(), 4326));
            while (csv.Read())
            {
                var line = csv.Parser.RawRow;
                var (geometry, error) = ReadWkt(wkt, Empty(csv.GetField("geometry")));
                result.Add(new ImportFeature(
                    line,
                    Empty(csv.GetField("code")),
                    Empty(csv.GetField("parentCode")),
                    Empty(csv.GetField("kind")),
                    Empty(csv.GetField("name")),
                    Empty(csv.GetField("nameEn")),
                    string.Equals(Empty(csv.GetField("rural")), "true", StringComparison.OrdinalIgnoreCase),
                    geometry,
                    error));
            }

            return result;
        }
        catch (CsvHelperException e)
        {
            throw Rejected(csv.Parser.RawRow, "file", $"the CSV could not be read: {e.GetType().Name}");
        }
    }

    private static (Geometry?, string?) ReadWkt(WKTReader reader, string? text)
    {
        if (text is null)
        {
            return (null, null);
        }

        try
        {
            var geometry = reader.Read(text);
            return geometry is null ? (null, "geometry could not be read") : (geometry, null);
        }
        catch (Exception e) when (e is ParseException or ArgumentException or InvalidOperationException or FormatException)
        {
            return (null, e.Message.Contains("closed", StringComparison.OrdinalIgnoreCase)
                ? "polygon ring is not closed (first and last points differ)"
                : $"geometry is not valid WKT: {e.Message}");
        }
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static ImportRejectedException Rejected(int? line, string field, string message) =>
        new(PositionName, [new ImportProblem(line, null, field, message)]);
}
