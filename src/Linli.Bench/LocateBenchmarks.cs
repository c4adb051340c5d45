using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Linli.Web.Features.Demo;
using Linli.Web.Features.Tree;

namespace Linli.Bench;

/// <summary>
/// Point → grid on the <c>city</c> dataset (4,839 grids, 35,170 buildings). Each invocation looks up the same
/// <see cref="Points"/> random points inside the grids' extent; with OperationsPerInvoke the reported mean is per lookup.
/// Goal: at least 1,000,000 <see cref="SpatialIndex.FindGridNode"/> calls per second on one core.
/// </summary>
[SimpleJob(RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 3, iterationCount: 10)]
[MemoryDiagnoser]
public class LocateBenchmarks
{
    public const int Points = 10_000;
    public const int SegmentsPerEdge = 10;

    /// <summary>
    /// <c>rectangles</c>: the grids as generated (5-point rectangles, which NTS's prepared polygons answer from the
    /// envelope alone). <c>densified</c>: the same areas with each grid's longest edge cut into <see cref="SegmentsPerEdge"/>
    /// pieces and the others at that spacing (36.5 points per grid on average), standing in for the irregular polygons of
    /// real data, which take the general point-in-polygon path.
    /// </summary>
    [Params("rectangles", "densified")]
    public string Grids { get; set; } = "rectangles";

    private SpatialIndex _index = SpatialIndex.Empty;
    private (double Latitude, double Longitude)[] _points = [];

    [GlobalSetup]
    public void Setup()
    {
        var nodes = CityData.IndexedNodes(TreeGenerator.GenerateCity());
        if (Grids == "densified")
        {
            nodes = CityData.WithDensifiedGrids(nodes, SegmentsPerEdge);
        }

        _index = new SpatialIndex(nodes);
        _points = CityData.RandomPoints(CityData.GridExtent(nodes), Points);
        if (_index.GridCount != TreeGenerator.CityGrids || _index.BuildingCount != TreeGenerator.CityBuildings)
        {
            throw new InvalidOperationException($"Expected the city dataset, got {_index.GridCount} grids and {_index.BuildingCount} buildings.");
        }

        var pointsPerGrid = nodes.Where(n => n.Kind == NodeKind.Grid).Average(n => n.Geometry!.NumPoints);
        var misses = _points.Count(p => _index.FindGridNode(p.Latitude, p.Longitude) is null);
        Console.WriteLine($"// city index ({Grids}): {_index.GridCount} grids, {_index.BuildingCount} buildings, {pointsPerGrid:F1} points per grid; {Points} lookups, {misses} outside every grid");
    }

    /// <summary>The hot path: the grid only.</summary>
    [Benchmark(OperationsPerInvoke = Points)]
    public int FindGridNode()
    {
        var found = 0;
        foreach (var (latitude, longitude) in _points)
        {
            if (_index.FindGridNode(latitude, longitude) is not null)
            {
                found++;
            }
        }

        return found;
    }

    /// <summary>The full answer: grid, ancestors and the nearest building within 50 m.</summary>
    [Benchmark(OperationsPerInvoke = Points)]
    public int Locate()
    {
        var withBuilding = 0;
        foreach (var (latitude, longitude) in _points)
        {
            if (_index.Locate(latitude, longitude)?.NearestBuilding is not null)
            {
                withBuilding++;
            }
        }

        return withBuilding;
    }
}
