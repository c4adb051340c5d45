using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using Linli.Web.Features.Demo;
using Linli.Web.Features.Tree;

namespace Linli.Bench;

/// <summary>
/// Building the <c>city</c> index from nodes already in memory: what <see cref="SpatialIndexHolder"/> pays (besides the
/// database read) on the first lookup after every tree change.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 2, iterationCount: 10)]
[MemoryDiagnoser]
public class IndexBuildBenchmarks
{
    private List<IndexedNode> _nodes = [];

    [GlobalSetup]
    public void Setup() => _nodes = CityData.IndexedNodes(TreeGenerator.GenerateCity());

    [Benchmark]
    public int BuildCityIndex() => new SpatialIndex(_nodes).GridCount;
}
