using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace Linli.Web.Features.Tree.Import;

public static class GeometryRules
{
    /// <summary>Grids may touch their community's edge; this absorbs rounding in coordinates (about 1 cm).</summary>
    public const double ContainmentToleranceDegrees = 1e-7;

    /// <summary>Checks that the geometry fits the node kind and is valid; returns an error or null.</summary>
    public static string? Check(NodeKind kind, Geometry geometry)
    {
        var allowed = kind.IsArea()
            ? geometry is Polygon or MultiPolygon
            : kind == NodeKind.Building ? geometry is Point or Polygon or MultiPolygon : geometry is Point;
        if (!allowed)
        {
            var expected = kind.IsArea() ? "a Polygon or MultiPolygon" : kind == NodeKind.Building ? "a Point or Polygon" : "a Point";
            return $"a {kind.ToWire()} needs {expected}, not a {geometry.GeometryType}";
        }

        if (geometry.Coordinates.Any(c => !SpatialIndex.IsValidCoordinate(c.Y, c.X)))
        {
            return "coordinates must be WGS84 longitude (-180..180) and latitude (-90..90)";
        }

        var validity = new IsValidOp(geometry).ValidationError;
        return validity is null ? null : $"invalid {geometry.GeometryType}: {validity.Message} at {validity.Coordinate}";
    }

    /// <summary>GeoJSON readers differ on unclosed rings; this finds one before any reader sees it.</summary>
    public static string? FindUnclosedRing(JsonElement geometry)
    {
        if (geometry.ValueKind != JsonValueKind.Object || !geometry.TryGetProperty("type", out var type) ||
            !geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        return type.GetString() switch
        {
            "Polygon" => CheckRings(coordinates),
            "MultiPolygon" => coordinates.EnumerateArray().Select(CheckRings).FirstOrDefault(e => e is not null),
            _ => null,
        };
    }

    private static string? CheckRings(JsonElement rings)
    {
        if (rings.ValueKind != JsonValueKind.Array)
        {
            return "polygon coordinates must be an array of rings";
        }

        foreach (var ring in rings.EnumerateArray())
        {
            if (ring.ValueKind != JsonValueKind.Array || ring.GetArrayLength() < 4)
            {
                return "a polygon ring needs at least 4 positions";
            }

            var first = ring[0].GetRawText();
            var last = ring[ring.GetArrayLength() - 1].GetRawText();
            if (!string.Equals(Normalise(first), Normalise(last), StringComparison.Ordinal))
            {
                return "polygon ring is not closed (first and last positions differ)";
            }
        }

        return null;
    }

    private static string Normalise(string position) => new(position.Where(c => !char.IsWhiteSpace(c)).ToArray());
}
