using Linli.Web.Features.Demo;
using Linli.Web.Features.Tree;
using Linli.Web.Features.Tree.Import;
using NetTopologySuite.Geometries;

namespace Linli.Bench;

/// <summary>The <c>city</c> demo dataset as the spatial index sees it, and fixed sets of points to look up in it.</summary>
internal static class CityData
{
    public const int PointSeed = 2025_0101;

    /// <summary>
    /// <see cref="TreeGenerator.GenerateCity"/> turned into <see cref="IndexedNode"/> the way <see cref="SpatialIndexHolder"/>
    /// loads them from the database: every node but units, with its parent's code, kind, names and geometry.
    /// </summary>
    public static List<IndexedNode> IndexedNodes(IReadOnlyList<ImportFeature> features)
    {
        var nodes = new List<IndexedNode>(features.Count);
        foreach (var f in features)
        {
            if (!NodeKinds.TryParse(f.Kind, out var kind))
            {
                throw new InvalidOperationException($"Feature {f.Position} has an unknown kind '{f.Kind}'.");
            }

            if (kind != NodeKind.Unit)
            {
                nodes.Add(new IndexedNode(f.Code!, f.ParentCode, kind, f.Name!, f.NameEn, f.Geometry));
            }
        }

        return nodes;
    }

    /// <summary>
    /// The same nodes with every grid's edges cut into <paramref name="segmentsPerEdge"/> collinear pieces: the same areas,
    /// but no longer 5-point rectangles, so point-in-polygon tests take the general path (as real, irregular grids do)
    /// instead of any rectangle shortcut.
    /// </summary>
    public static List<IndexedNode> WithDensifiedGrids(IEnumerable<IndexedNode> nodes, int segmentsPerEdge)
    {
        return [.. nodes.Select(n => n.Kind == NodeKind.Grid && n.Geometry is not null
            ? n with { Geometry = Densify(n.Geometry, segmentsPerEdge) }
            : n)];
    }

    private static Geometry Densify(Geometry geometry, int segmentsPerEdge)
    {
        var longest = 0.0;
        var coordinates = geometry.Coordinates;
        for (var i = 1; i < coordinates.Length; i++)
        {
            longest = Math.Max(longest, coordinates[i - 1].Distance(coordinates[i]));
        }

        var densified = NetTopologySuite.Densify.Densifier.Densify(geometry, longest / segmentsPerEdge * 1.0001);
        densified.SRID = geometry.SRID;
        return densified;
    }

    /// <summary>The envelope of every grid: the urban core that the city's grids tile, so every point in it has a grid.</summary>
    public static Envelope GridExtent(IEnumerable<IndexedNode> nodes)
    {
        var extent = new Envelope();
        foreach (var node in nodes)
        {
            if (node.Kind == NodeKind.Grid && node.Geometry is not null)
            {
                extent.ExpandToInclude(node.Geometry.EnvelopeInternal);
            }
        }

        return extent;
    }

    /// <summary><paramref name="count"/> points spread uniformly over <paramref name="extent"/>, the same on every run.</summary>
    public static (double Latitude, double Longitude)[] RandomPoints(Envelope extent, int count, int seed = PointSeed)
    {
#pragma warning disable CA5394 // A seeded, reproducible generator is the point here; nothing is secret.
        var random = new Random(seed);
        var points = new (double, double)[count];
        for (var i = 0; i < count; i++)
        {
            points[i] = (extent.MinY + random.NextDouble() * extent.Height, extent.MinX + random.NextDouble() * extent.Width);
        }
#pragma warning restore CA5394

        return points;
    }
}
