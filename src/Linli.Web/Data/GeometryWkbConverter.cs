using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Linli.Web.Data;

/// <summary>
/// Geometries are kept as WKB so neither SpatiaLite nor PostGIS is needed: spatial queries run on the in-memory
/// index (<see cref="Features.Tree.SpatialIndex"/>), never in SQL.
/// </summary>
public sealed class GeometryWkbConverter() : ValueConverter<Geometry?, byte[]?>(
    geometry => geometry == null ? null : new WKBWriter().Write(geometry),
    bytes => bytes == null ? null : ReadWkb(bytes))
{
    private static Geometry ReadWkb(byte[] bytes)
    {
        var geometry = new WKBReader().Read(bytes);
        geometry.SRID = 4326;
        return geometry;
    }
}
