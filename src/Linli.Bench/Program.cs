using BenchmarkDotNet.Running;
using Linli.Bench;

// `dotnet run -c Release --project src/Linli.Bench -- --filter '*Locate*'` runs BenchmarkDotNet benchmarks;
// `dotnet run -c Release --project src/Linli.Bench -- import sqlite|postgres [CONNECTION-STRING] [--runs N]` times the
// city import. See docs/benchmarks.md.
if (args.Length > 0 && args[0] == "import")
{
    return await ImportTiming.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(LocateBenchmarks).Assembly).Run(args);
return 0;
