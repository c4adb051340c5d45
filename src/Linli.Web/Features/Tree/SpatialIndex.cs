using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Distance;

namespace Linli.Web.Features.Tree;

public sealed record NodeRef(string Code, NodeKind Kind, string Name, string? NameEn);

public sealed record NearbyBuilding(NodeRef Building, double DistanceMeters);

public sealed record Location(NodeRef Grid, IReadOnlyList<NodeRef> Ancestors, NearbyBuilding? NearestBuilding);

/// <summary>An area or building as the index needs it: its place in the tree and its shape.</summary>
public sealed record IndexedNode(string Code, string? ParentCode, NodeKind Kind, string Name, string? NameEn, Geometry? Geometry);

/// <summary>
/// Point → grid, answered from memory. Grids sit in uniform cells about the size of a grid (one cell read per lookup,
/// where an R-tree walk cost most of the time budget in random-access cache misses); each grid keeps NTS's indexed
/// point-in-area locator, the structure behind its prepared polygons, and rectangles are answered from their envelope.
/// Buildings sit in an STR-tree. Built once per tree version and read without locks.
/// </summary>
public sealed class SpatialIndex
{
    public const double BuildingRadiusMeters = 50;
    private const double MetersPerDegreeLatitude = 111_320;

    private readonly Cells<GridEntry> _grids;
    private readonly STRtree<BuildingEntry> _buildings = new();
    private readonly GeometryFactory _factory = new(new PrecisionModel(), 4326);

    public int GridCount { get; }
    public int BuildingCount { get; }

    public SpatialIndex(IEnumerable<IndexedNode> nodes)
    {
        var all = nodes.ToList();
        var byCode = all.ToDictionary(n => n.Code, StringComparer.Ordinal);
        var grids = new List<GridEntry>();
        foreach (var node in all)
        {
            if (node.Geometry is null || node.Geometry.IsEmpty)
            {
                continue;
            }

            var reference = new NodeRef(node.Code, node.Kind, node.Name, node.NameEn);
            if (node.Kind == NodeKind.Grid)
            {
                grids.Add(new GridEntry(reference, AncestorsOf(node, byCode), node.Geometry.EnvelopeInternal, node.Geometry.IsRectangle,
                    new IndexedPointInAreaLocator(node.Geometry)));
                GridCount++;
            }
            else if (node.Kind == NodeKind.Building)
            {
                _buildings.Insert(node.Geometry.EnvelopeInternal, new BuildingEntry(reference, node.Geometry));
                BuildingCount++;
            }
        }

        // Each cell lists its grids lowest code first: the first that covers the point answers, so a point on a shared
        // edge always gets the lower code.
        _grids = new Cells<GridEntry>([.. grids.OrderBy(g => g.Node.Code, StringComparer.Ordinal)], g => g.Envelope);
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
        if (!_grids.CellAt(longitude, latitude, out var row, out var column))
        {
            return null;
        }

        foreach (var grid in _grids.Items(row, column))
        {
            if (grid.Covers(longitude, latitude))
            {
                return grid;
            }
        }

        return null;
    }

    private NearbyBuilding? NearestBuilding(double latitude, double longitude)
    {
        var degreesLat = BuildingRadiusMeters / MetersPerDegreeLatitude;
        var degreesLon = degreesLat / Math.Max(Math.Cos(latitude * Math.PI / 180), 0.01);
        var point = _factory.CreatePoint(new Coordinate(longitude, latitude));
        var candidates = _buildings.Query(new Envelope(longitude - degreesLon, longitude + degreesLon, latitude - degreesLat, latitude + degreesLat));

        BuildingEntry? best = null;
        var bestMeters = double.MaxValue;
        foreach (var candidate in candidates)
        {
            double meters;
            if (candidate.Geometry is Point building)
            {
                meters = Haversine(building.Coordinate, point.Coordinate);
            }
            else
            {
                var nearest = DistanceOp.NearestPoints(candidate.Geometry, point);
                meters = Haversine(nearest[0], nearest[1]);
            }

            // Compared unrounded, ties to the lower code, so the answer does not depend on the order of the candidates.
            if (meters <= BuildingRadiusMeters && (best is null || meters < bestMeters ||
                (meters == bestMeters && string.CompareOrdinal(candidate.Node.Code, best.Node.Code) < 0)))
            {
                (best, bestMeters) = (candidate, meters);
            }
        }

        return best is null ? null : new NearbyBuilding(best.Node, Math.Round(bestMeters, 1));
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

    private sealed record GridEntry(NodeRef Node, NodeRef[] Ancestors, Envelope Envelope, bool IsRectangle, IPointOnGeometryLocator Area)
    {
        /// <summary>Covers, boundary included: a rectangle is its envelope (as in NTS's prepared polygons); other shapes ask the locator.</summary>
        public bool Covers(double x, double y) =>
            Envelope.Covers(x, y) && (IsRectangle || Area.Locate(new Coordinate(x, y)) != NetTopologySuite.Geometries.Location.Exterior);
    }

    private sealed record BuildingEntry(NodeRef Node, Geometry Geometry);

    /// <summary>
    /// A uniform grid of cells over the items' extent; each cell lists, in the order given, the items whose envelopes reach
    /// into it. Cells are shaped like the median item, and there are never more than
    /// <see cref="MaxCellsPerItem"/> cells per item in all, so memory stays linear in the item count.
    /// </summary>
    private sealed class Cells<T>
    {
        private const int MaxCellsPerItem = 4;

        private readonly T[][] _cells = [];
        private readonly double _minX, _minY, _maxX, _maxY, _cellWidth, _cellHeight;
        private readonly int _columns, _rows;

        public Cells(List<T> items, Func<T, Envelope> envelopeOf)
        {
            if (items.Count == 0)
            {
                (_minX, _minY, _maxX, _maxY) = (1, 1, 0, 0);
                return;
            }

            var extent = new Envelope();
            foreach (var item in items)
            {
                extent.ExpandToInclude(envelopeOf(item));
            }

            var width = Math.Max(Median(items.Select(i => envelopeOf(i).Width)), extent.Width / 4096);
            var height = Math.Max(Median(items.Select(i => envelopeOf(i).Height)), extent.Height / 4096);
            width = Math.Max(width, double.Epsilon);
            height = Math.Max(height, double.Epsilon);
            var scale = Math.Sqrt(Math.Max(1, extent.Width / width * (extent.Height / height) / ((double)MaxCellsPerItem * items.Count)));
            _columns = Math.Clamp((int)Math.Ceiling(extent.Width / (width * scale)), 1, 4096);
            _rows = Math.Clamp((int)Math.Ceiling(extent.Height / (height * scale)), 1, 4096);
            (_minX, _minY, _maxX, _maxY) = (extent.MinX, extent.MinY, extent.MaxX, extent.MaxY);
            _cellWidth = extent.Width / _columns;
            _cellHeight = extent.Height / _rows;

            var cells = new List<T>?[_columns * _rows];
            foreach (var item in items)
            {
                var envelope = envelopeOf(item);
                for (var row = Row(envelope.MinY); row <= Row(envelope.MaxY); row++)
                {
                    for (var column = Column(envelope.MinX); column <= Column(envelope.MaxX); column++)
                    {
                        (cells[row * _columns + column] ??= []).Add(item);
                    }
                }
            }

            _cells = [.. cells.Select(c => c is null ? [] : c.ToArray())];
        }

        public bool CellAt(double x, double y, out int row, out int column)
        {
            (row, column) = (0, 0);
            if (!(x >= _minX && x <= _maxX && y >= _minY && y <= _maxY))
            {
                return false;
            }

            (row, column) = (Row(y), Column(x));
            return true;
        }

        public T[] Items(int row, int column) => _cells[row * _columns + column];

        private int Column(double x) => Math.Clamp((int)((x - _minX) / _cellWidth), 0, _columns - 1);

        private int Row(double y) => Math.Clamp((int)((y - _minY) / _cellHeight), 0, _rows - 1);

        private static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted[sorted.Length / 2];
        }
    }

}
