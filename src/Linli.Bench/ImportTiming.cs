using System.Diagnostics;
using System.Globalization;
using Linli.Web.Data;
using Linli.Web.Features.Demo;
using Linli.Web.Features.Tree;
using Linli.Web.Features.Tree.Import;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Bench;

/// <summary>
/// <c>import sqlite|postgres [CONNECTION-STRING] [--runs N]</c>: times <see cref="TreeImporter.ImportAsync"/> over
/// <see cref="TreeGenerator.GenerateCity"/> (165,204 nodes) into a fresh, migrated database, once per run. Not a
/// BenchmarkDotNet benchmark: one import takes seconds and needs a new database each time. Goal: under 30 s on both.
/// </summary>
internal static class ImportTiming
{
    public const string Usage =
        "usage: import sqlite|postgres [CONNECTION-STRING] [--runs N]\n" +
        "  sqlite default:   Data Source=/tmp/linli-bench/import.db (deleted before each run)\n" +
        "  postgres default: " + DefaultPostgres + " (the database is dropped and re-created before each run)";

    public const string DefaultPostgres = "Host=127.0.0.1;Port=5499;Username=postgres;Database=linli_bench";
    private const double GoalSeconds = 30;

    private static readonly string DefaultSqliteFile = Path.Combine(Path.GetTempPath(), "linli-bench", "import.db");

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var runs = 1;
        var positional = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--runs" && i + 1 < args.Count && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                runs = n;
                i++;
            }
            else
            {
                positional.Add(args[i]);
            }
        }

        var provider = positional.ElementAtOrDefault(0)?.ToLowerInvariant();
        if (provider is not ("sqlite" or "postgres"))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var postgres = provider == "postgres";
        var connectionString = positional.ElementAtOrDefault(1) ?? (postgres ? DefaultPostgres : "Data Source=" + DefaultSqliteFile);

        var generate = Stopwatch.StartNew();
        var features = TreeGenerator.GenerateCity();
        generate.Stop();
        Console.WriteLine($"Generated the city dataset: {features.Count:N0} nodes in {generate.Elapsed.TotalSeconds:F2} s (not timed below)");
        Console.WriteLine($"Provider: {provider}; connection: {connectionString}; .NET {Environment.Version}; {Environment.ProcessorCount} cores");

        var totals = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            totals.Add(await ImportOnceAsync(postgres, connectionString, features, run));
        }

        if (runs > 1)
        {
            var sorted = totals.Order().ToList();
            var median = sorted[sorted.Count / 2];
            Console.WriteLine($"Runs: {runs}; best {sorted[0]:F2} s, median {median:F2} s, worst {sorted[^1]:F2} s; " +
                $"median {features.Count / median:N0} nodes/s");
        }

        return 0;
    }

    private static async Task<double> ImportOnceAsync(bool postgres, string connectionString, IReadOnlyList<ImportFeature> features, int run)
    {
        await using var services = BuildServices(postgres, connectionString);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LinliDb>();
            await ResetAsync(db, postgres, connectionString);
        }

        await using var importScope = services.CreateAsyncScope();
        var importer = importScope.ServiceProvider.GetRequiredService<TreeImporter>();
        var stages = new StageClock();
        var watch = Stopwatch.StartNew();
        var result = await importer.ImportAsync(features, GeoJsonTreeReader.PositionName, _ => true, stages);
        watch.Stop();

        var seconds = watch.Elapsed.TotalSeconds;
        var stored = await importScope.ServiceProvider.GetRequiredService<LinliDb>().Nodes.CountAsync();
        Console.WriteLine();
        Console.WriteLine($"Run {run}: imported {result.Imported:N0} nodes ({stored:N0} rows stored) in {seconds:F2} s = " +
            $"{result.Imported / seconds:N0} nodes/s; goal < {GoalSeconds:F0} s: {(seconds < GoalSeconds ? "met" : "MISSED")}");
        stages.Print(watch.Elapsed);
        return seconds;
    }

    private static ServiceProvider BuildServices(bool postgres, string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = postgres ? nameof(DatabaseProvider.Postgres) : nameof(DatabaseProvider.Sqlite),
            ["ConnectionStrings:Linli"] = connectionString,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLinliData(configuration);
        services.AddTreeFeature(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>A fresh database: SQLite's file deleted, PostgreSQL's database dropped; then every migration applied.</summary>
    internal static async Task ResetAsync(LinliDb db, bool postgres, string connectionString)
    {
        if (postgres)
        {
            await db.Database.EnsureDeletedAsync();
        }
        else
        {
            var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            {
                File.Delete(file + suffix);
            }
        }

        await db.Database.MigrateAsync();
    }

    /// <summary>
    /// Notes when the importer reports each batch, so the total splits into "before the first write" (reading the stored
    /// codes, validation, the grid-in-community check) and the writing of each level.
    /// </summary>
    private sealed class StageClock : IProgress<ImportProgress>
    {
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        private readonly List<(string Stage, int Done, TimeSpan At)> _reports = [];

        public void Report(ImportProgress value) => _reports.Add((value.Stage, value.Done, _watch.Elapsed));

        public void Print(TimeSpan total)
        {
            if (_reports.Count == 0)
            {
                return;
            }

            // The importer first reports after validation and its first batch (the city), so the first line holds both.
            Console.WriteLine("  stage                          rows       seconds");
            var previousAt = TimeSpan.Zero;
            var previousDone = 0;
            foreach (var level in _reports.GroupBy(r => r.Stage))
            {
                var last = level.Last();
                var rows = last.Done - previousDone;
                var label = previousAt == TimeSpan.Zero ? $"validate + write {level.Key}" : $"write {level.Key}";
                Console.WriteLine($"  {label,-28} {rows,8:N0} {(last.At - previousAt).TotalSeconds,10:F2}  " +
                    $"({level.Count()} batch{(level.Count() == 1 ? "" : "es")})");
                previousAt = last.At;
                previousDone = last.Done;
            }

            Console.WriteLine($"  {"commit and return",-28} {"",8} {(total - previousAt).TotalSeconds,10:F2}");
        }
    }
}
