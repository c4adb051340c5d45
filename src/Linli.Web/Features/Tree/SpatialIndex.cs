using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Distance;

namespace Linli.Web.Features.Tree;

public sealed record NodeRef(string Code, NodeKind Kind, string Name, string? NameEn);

public sealed record NearbyBuilding(NodeRef Building, double DistanceMeters);

public sealed record Location(NodeRef Grid, IReadOnlyList<NodeRef> Ancestors, NearbyBuilding? NearestBuilding);

/// <summary>An area or building as the index needs it: its place in the tree and its shape.</summary>
public sealed record IndexedNode(string Code, string? ParentCode, NodeKind Kind, string Name, string? NameEn, Geometry? Geometry);

/// <summary>
/// Point → grid, answered from memory: an STR-tree of prepared grid polygons and one of building shapes. Every
/// report calls this, so it is built once per tree version and read without locks.
/// </summary>
public sealed class SpatialIndex
{
    public const double BuildingRadiusMeters = 50;
    private const double MetersPerDegreeLatitude = 111_320;

    private readonly STRtree<GridEntry> _grids = new();
    private readonly STRtree<BuildingEntry> _buildings = new();
    private readonly GeometryFactory _factory = new(new PrecisionModel(), 4326);

    public int GridCount { get; }
    public int BuildingCount { get; }

    public SpatialIndex(IEnumerable<IndexedNode> nodes)
    {
        var all = nodes.ToList();
        var byCode = all.ToDictionary(n => n.Code, StringComparer.Ordinal);
        foreach (var node in all)
        {
            if (node.Geometry is null || node.Geometry.IsEmpty)
            {
                continue;
            }

            var reference = new NodeRef(node.Code, node.Kind, node.Name, node.NameEn);
            if (node.Kind == NodeKind.Grid)
            {
                var entry = new GridEntry(reference, AncestorsOf(node, byCode), PreparedGeometryFactory.Prepare(node.Geometry));
                _grids.Insert(node.Geometry.EnvelopeInternal, entry);
                GridCount++;
            }
            else if (node.Kind == NodeKind.Building)
            {
                _buildings.Insert(node.Geometry.EnvelopeInternal, new BuildingEntry(reference, node.Geometry));
                BuildingCount++;
            }
        }

        _grids.Build();
        _buildings.Build();
    }

    public static SpatialIndex Empty { get; } = new([]);

    public static bool IsValidCoordinate(double latitude, double longitude) =>
        double.IsFinite(latitude) && double.IsFinite(longitude) && latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180;

    /// <summary>The grid containing the point, or null when it lies outside every grid.</summary>
    public Location? Locate(double latitude, double longitude)
    {
        var grid = FindGrid(latitude, longitude);
        if (grid is null)
        {
            return null;
        }

        return new Location(grid.Node, grid.Ancestors, NearestBuilding(latitude, longitude));
    }

    /// <summary>The hot path: no building search, no allocation beyond the visitor.</summary>
    public NodeRef? FindGridNode(double latitude, double longitude) => FindGrid(latitude, longitude)?.Node;

    private GridEntry? FindGrid(double latitude, double longitude)
    {
        var visitor = new ContainingGridVisitor(_factory.CreatePoint(new Coordinate(longitude, latitude)));
        _grids.Query(new Envelope(longitude, longitude, latitude, latitude), visitor);
        return visitor.Found;
    }

    private NearbyBuilding? NearestBuilding(double latitude, double longitude)
    {
        var degreesLat = BuildingRadiusMeters / MetersPerDegreeLatitude;
        var degreesLon = degreesLat / Math.Max(Math.Cos(latitude * Math.PI / 180), 0.01);
        var point = _factory.CreatePoint(new Coordinate(longitude, latitude));
        var candidates = _buildings.Query(new Envelope(longitude - degreesLon, longitude + degreesLon, latitude - degreesLat, latitude + degreesLat));

        NearbyBuilding? best = null;
        foreach (var candidate in candidates)
        {
            var nearest = DistanceOp.NearestPoints(candidate.Geometry, point);
            var meters = Haversine(nearest[0], nearest[1]);
            if (meters <= BuildingRadiusMeters && (best is null || meters < best.DistanceMeters ||
                (meters == best.DistanceMeters && string.CompareOrdinal(candidate.Node.Code, best.Building.Code) < 0)))
            {
                best = new NearbyBuilding(candidate.Node, Math.Round(meters, 1));
            }
        }

        return best;
    }

    public static double Haversine(Coordinate a, Coordinate b)
    {
        const double earthRadius = 6_371_008.8;
        var dLat = (b.Y - a.Y) * Math.PI / 180;
        var dLon = (b.X - a.X) * Math.PI / 180;
        var h = Math.Pow(Math.Sin(dLat / 2), 2) +
                Math.Cos(a.Y * Math.PI / 180) * Math.Cos(b.Y * Math.PI / 180) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * earthRadius * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private static NodeRef[] AncestorsOf(IndexedNode node, Dictionary<string, IndexedNode> byCode)
    {
        var chain = new List<NodeRef>();
        var parentCode = node.ParentCode;
        while (parentCode is not null && byCode.TryGetValue(parentCode, out var parent))
        {
            chain.Add(new NodeRef(parent.Code, parent.Kind, parent.Name, parent.NameEn));
            parentCode = parent.ParentCode;
        }

        chain.Reverse();
        return [.. chain];
    }

    private sealed record GridEntry(NodeRef Node, NodeRef[] Ancestors, IPreparedGeometry Geometry);

    private sealed record BuildingEntry(NodeRef Node, Geometry Geometry);

    /// <summary>Keeps the lowest code among grids that contain the point, so a point on a shared edge always answers the same.</summary>
    private sealed class ContainingGridVisitor(Point point) : IItemVisitor<GridEntry>
    {
        public GridEntry? Found { get; private set; }

        public void VisitItem(GridEntry item)
        {
            if ((Found is null || string.CompareOrdinal(item.Node.Code, Found.Node.Code) < 0) && item.Geometry.Covers(point))
            {
                Found = item;
            }
        }
    }
}
