using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Linli.Web.Features.Tree.Import;

/// <summary>Reads a GeoJSON FeatureCollection feature by feature, so one bad geometry is reported, not fatal.</summary>
public static class GeoJsonTreeReader
{
    public const string PositionName = "feature";

    private static readonly JsonSerializerOptions GeometryOptions = CreateOptions();

    public static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory(new GeometryFactory(new PrecisionModel(), 4326)));
        return options;
    }

    public static List<ImportFeature> Read(Stream stream)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw Rejected(null, "file", $"not valid JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) ||
                type.ValueKind != JsonValueKind.String || type.GetString() != "FeatureCollection")
            {
                throw Rejected(null, "type", "the file must be a GeoJSON FeatureCollection");
            }

            if (!root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                throw Rejected(null, "features", "a FeatureCollection needs a features array");
            }

            var result = new List<ImportFeature>(features.GetArrayLength());
            var index = 0;
            foreach (var feature in features.EnumerateArray())
            {
                result.Add(ReadFeature(index++, feature));
            }

            return result;
        }
    }

    private static ImportFeature ReadFeature(int index, JsonElement feature)
    {
        if (feature.ValueKind != JsonValueKind.Object)
        {
            return new ImportFeature(index, null, null, null, null, null, false, null, "a feature must be an object");
        }

        var properties = feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        var (geometry, error) = feature.TryGetProperty("geometry", out var g) ? ReadGeometry(g) : (null, null);
        return new ImportFeature(
            index,
            Text(properties, "code"),
            Text(properties, "parentCode"),
            Text(properties, "kind"),
            Text(properties, "name"),
            Text(properties, "nameEn"),
            properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty("rural", out var rural) && rural.ValueKind == JsonValueKind.True,
            geometry,
            error);
    }

    private static string? Text(JsonElement properties, string name)
    {
        if (properties.ValueKind != JsonValueKind.Object || !properties.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }

    public static (Geometry? Geometry, string? Error) ReadGeometry(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return (null, null);
        }

        var ringError = GeometryRules.FindUnclosedRing(element);
        if (ringError is not null)
        {
            return (null, ringError);
        }

        try
        {
            var geometry = element.Deserialize<Geometry>(GeometryOptions);
            return geometry is null ? (null, "geometry could not be read") : (geometry, null);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException or IndexOutOfRangeException or NotSupportedException)
        {
            return (null, $"geometry could not be read: {e.Message}");
        }
    }

    private static ImportRejectedException Rejected(int? position, string field, string message) =>
        new(PositionName, [new ImportProblem(position, null, field, message)]);
}
