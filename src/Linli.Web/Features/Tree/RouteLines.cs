using System.Text.Json;
using Linli.Web.Infrastructure.Problems;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Linli.Web.Features.Tree;

/// <summary>A patrol route as the volunteer shifts and the police half-days store it: a GeoJSON LineString (WGS84).</summary>
public static class RouteLines
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>The route as normalised GeoJSON, or null when absent; refused unless a LineString of 2 to 1,000 valid positions.</summary>
    public static string? Read(string field, JsonElement? route)
    {
        if (route is not { } element || element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return null;
        }

        Geometry? geometry;
        try
        {
            geometry = element.Deserialize<Geometry>(GeoJson);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            throw new DomainRuleException(field, $"the route is not GeoJSON: {e.Message}");
        }

        if (geometry is not LineString line || line.NumPoints < 2 || line.NumPoints > 1000 ||
            line.Coordinates.Any(c => !SpatialIndex.IsValidCoordinate(c.Y, c.X)))
        {
            throw new DomainRuleException(field, "the route must be a GeoJSON LineString of 2 to 1,000 positions [longitude, latitude]");
        }

        return JsonSerializer.Serialize<Geometry>(line, GeoJson);
    }
}
