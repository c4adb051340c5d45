using BenchmarkDotNet.Running;
using Linli.Bench;

// `dotnet run -c Release --project src/Linli.Bench -- --filter '*Locate*'` runs BenchmarkDotNet benchmarks;
// `dotnet run -c Release --project src/Linli.Bench -- import sqlite|postgres [CONNECTION-STRING] [--runs N]` times the
// city import; `broadcast` and `delivery` time the notification outbox; `campaign` a city-wide campaign launch and its progress;
// `dashboard` the rates from the case roll-ups at 10 million cases. See docs/benchmarks.md.
switch (args.FirstOrDefault())
{
    case "import":
        return await ImportTiming.RunAsync(args[1..]);
    case "broadcast":
        return await BroadcastTiming.RunAsync(args[1..]);
    case "delivery":
        return await DeliveryTiming.RunAsync(args[1..]);
    case "campaign":
        return await CampaignTiming.RunAsync(args[1..]);
    case "dashboard":
        return await DashboardTiming.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(LocateBenchmarks).Assembly).Run(args);
return 0;
