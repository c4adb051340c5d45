using System.Globalization;
using System.Text;
using Linli.Web.Data;
using Linli.Web.Features.Tree;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace Linli.Web.Components.Pages.Work;

/// <summary>
/// A small map drawn on the server as SVG paths: the grid's outline, its buildings and the case's pin. It needs no
/// tiles, no script and no connection beyond the page itself, so it also shows on a page kept for offline use.
/// </summary>
public sealed record PlaceSketch(double Width, double Height, string Grid, IReadOnlyList<string> Buildings, double PinX, double PinY)
{
    private const double Width0 = 320;

    public static async Task<PlaceSketch?> ForAsync(LinliDb db, string gridCode, double latitude, double longitude, CancellationToken cancellationToken)
    {
        var grid = await db.Nodes.AsNoTracking().Where(n => n.Code == gridCode).Select(n => new { n.Id, n.Geometry }).FirstOrDefaultAsync(cancellationToken);
        if (grid?.Geometry is null)
        {
            return null;
        }

        var buildings = await db.Nodes.AsNoTracking().Where(n => n.ParentId == grid.Id && n.Kind == NodeKind.Building && n.Geometry != null)
            .Select(n => n.Geometry!).ToListAsync(cancellationToken);
        var envelope = new Envelope(grid.Geometry.EnvelopeInternal);
        envelope.ExpandToInclude(longitude, latitude);
        envelope.ExpandBy(envelope.Width * 0.05, envelope.Height * 0.05);
        if (envelope.Width <= 0 || envelope.Height <= 0)
        {
            return null;
        }

        // Equirectangular with the east-west scale of the middle latitude: right enough for an area the size of a grid.
        var xScale = Math.Cos(envelope.Centre.Y * Math.PI / 180);
        var scale = Width0 / (envelope.Width * xScale);
        var project = (Coordinate c) => ((c.X - envelope.MinX) * xScale * scale, (envelope.MaxY - c.Y) * scale);
        var (pinX, pinY) = project(new Coordinate(longitude, latitude));
        return new PlaceSketch(Width0, Math.Round(envelope.Height * scale, 1), PathOf(grid.Geometry, project), [.. buildings.Select(b => PathOf(b, project))], Round(pinX), Round(pinY));
    }

    private static string PathOf(Geometry geometry, Func<Coordinate, (double X, double Y)> project)
    {
        var path = new StringBuilder();
        if (geometry is Point point)
        {
            var (x, y) = project(point.Coordinate);
            path.Append(CultureInfo.InvariantCulture, $"M{Round(x - 3)} {Round(y - 3)}h6v6h-6Z");
            return path.ToString();
        }

        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is not Polygon polygon)
            {
                continue;
            }

            foreach (var ring in new[] { polygon.ExteriorRing }.Concat(polygon.InteriorRings))
            {
                var coordinates = ring.Coordinates;
                for (var j = 0; j < coordinates.Length; j++)
                {
                    var (x, y) = project(coordinates[j]);
                    path.Append(CultureInfo.InvariantCulture, $"{(j == 0 ? 'M' : 'L')}{Round(x)} {Round(y)}");
                }

                path.Append('Z');
            }
        }

        return path.ToString();
    }

    private static double Round(double value) => Math.Round(value, 1);
}
