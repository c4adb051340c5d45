using System.Diagnostics;
using System.Text.Json;
using Linli.Web.Data;
using Linli.Web.Features.Cases;
using Linli.Web.Features.Demo;
using Linli.Web.Features.Rates;
using Linli.Web.Features.Rates.Rollups;
using Linli.Web.Features.Tree;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Linli.Bench;

/// <summary>
/// <c>dashboard [CONNECTION-STRING] [--cases N]</c>: on a PostgreSQL database holding the <c>city</c> tree (run the app's
/// <c>seed city</c> first), adds N synthetic cases (default 10,000,000) over three years with binary COPY unless it holds
/// that many already, rebuilds the roll-ups set-based, then times <see cref="RatesQueries.ReportAsync"/> and
/// <see cref="RatesQueries.ChildrenAsync"/> for the city, a district, a street, a community and a grid over this month,
/// last month and the last 90 days (median and p95 of 15 runs after a warm-up; goal: median &lt; 100 ms), beside the same
/// figures counted from the cases once, and checks that both give the same counts.
/// </summary>
internal static class DashboardTiming
{
    public const string Usage = "usage: dashboard [CONNECTION-STRING] [--cases N]   (PostgreSQL holding the city tree; default " + ImportTiming.DefaultPostgres + ")";

    private const double GoalMilliseconds = 100;
    private const int Runs = 15;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var (positional, count) = BenchArgs.Parse(args, "--cases", 10_000_000);
        if (positional.Count > 1)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        await using var services = BenchServices.Build(postgres: true, positional.ElementAtOrDefault(0) ?? ImportTiming.DefaultPostgres);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LinliDb>();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        await db.Database.MigrateAsync();
        await CategoryDefaults.SeedIfEmptyAsync(db, CancellationToken.None);
        if (!await db.Nodes.AnyAsync(n => n.Code == TreeGenerator.ChangchunCode))
        {
            Console.Error.WriteLine("The database holds no city tree: run `dotnet run --project src/Linli.Web -- seed city` against it first.");
            return 2;
        }

        var now = DateTimeOffset.UtcNow;
        Console.WriteLine($".NET {Environment.Version}; {Environment.ProcessorCount} cores; load average {BenchArgs.LoadAverage()}");
        var stored = await db.Cases.LongCountAsync();
        if (stored < count)
        {
            var seeding = Stopwatch.StartNew();
            await SeedAsync(db, count - (int)stored, now);
            Console.WriteLine($"Seeded {count - stored:N0} cases with binary COPY and rebuilt the case indexes in {seeding.Elapsed.TotalSeconds:F0} s; load average {BenchArgs.LoadAverage()}");
        }

        // A second run on the same cases keeps the roll-ups the first one built.
        var rebuild = Stopwatch.StartNew();
        var rebuilt = stored < count || !await db.CaseRollups.AnyAsync();
        if (rebuilt)
        {
            await RollupRebuild.RebuildAsync(db, CancellationToken.None);
            await db.Database.ExecuteSqlRawAsync("ANALYZE case_rollups; ANALYZE case_duration_rollups");
        }

        rebuild.Stop();
        var rows = await db.CaseRollups.LongCountAsync();
        var durationRows = await db.CaseDurationRollups.LongCountAsync();
        var sizes = await db.Database.SqlQueryRaw<string>("""
            SELECT pg_size_pretty(pg_total_relation_size('cases')) || ' cases, ' || pg_size_pretty(pg_total_relation_size('case_rollups')) || ' case_rollups, '
              || pg_size_pretty(pg_total_relation_size('case_duration_rollups')) || ' case_duration_rollups' AS "Value"
            """).SingleAsync();
        Console.WriteLine((rebuilt ? $"Rebuilt the roll-ups from {await db.Cases.LongCountAsync():N0} cases in {rebuild.Elapsed.TotalSeconds:F0} s: " : "Kept the roll-ups already built: ")
            + $"{rows:N0} counter rows, {durationRows:N0} histogram rows; {sizes}");

        var met = true;
        foreach (var code in await NodesAsync(db))
        {
            var (rateScope, _, _) = await RateScopes.ResolveAsync(db, code, null, CancellationToken.None);
            foreach (var preset in new[] { PeriodPreset.ThisMonth, PeriodPreset.LastMonth, PeriodPreset.Last90Days })
            {
                var period = RatePeriods.Preset(preset, now);
                var withChildren = rateScope!.Node!.Kind != NodeKind.Grid.ToWire();
                var (report, reportTimes) = await TimeAsync(() => RatesQueries.ReportAsync(db, rateScope, period, now, CancellationToken.None));
                var (children, childrenTimes) = withChildren ? await TimeAsync(() => RatesQueries.ChildrenAsync(db, rateScope, period, now, RankBy.Score, CancellationToken.None)) : (null, []);
                var raw = Stopwatch.StartNew();
                var fromCases = await RatesQueries.ReportFromCasesAsync(db, rateScope, period, now, CancellationToken.None);
                var rawReport = raw.Elapsed.TotalMilliseconds;
                raw.Restart();
                var childrenFromCases = withChildren ? await RatesQueries.ChildrenFromCasesAsync(db, rateScope, period, now, RankBy.Score, CancellationToken.None) : null;
                var rawChildren = raw.Elapsed.TotalMilliseconds;

                var same = Counts(report) == Counts(fromCases) && JsonSerializer.Serialize(children) == JsonSerializer.Serialize(childrenFromCases);
                var (median, p95) = (Percentile(reportTimes, 0.5), Percentile(reportTimes, 0.95));
                var (childMedian, childP95) = (Percentile(childrenTimes, 0.5), Percentile(childrenTimes, 0.95));
                met &= same && median < GoalMilliseconds && (!withChildren || childMedian < GoalMilliseconds);
                Console.WriteLine($"{rateScope.Node.Kind,-9} {code,-15} {RatePeriods.NameOf(preset),-12} reported {report.Reported,9:N0}  " +
                    $"report {median,6:F1} ms (p95 {p95,6:F1}) vs cases {rawReport,8:F0} ms  " +
                    (withChildren ? $"children({children!.Children.Count,2}) {childMedian,6:F1} ms (p95 {childP95,6:F1}) vs cases {rawChildren,8:F0} ms  " : new string(' ', 62)) +
                    $"medians {report.MedianTimeToRespond.Minutes}/{report.MedianTimeToClose.Minutes} vs {fromCases.MedianTimeToRespond.Minutes}/{fromCases.MedianTimeToClose.Minutes} min  " +
                    (same ? "same counts" : "COUNTS DIFFER"));
            }
        }

        Console.WriteLine($"Goal: every median < {GoalMilliseconds:F0} ms and the same counts: {(met ? "met" : "MISSED")}; load average after {BenchArgs.LoadAverage()}");
        return met ? 0 : 1;
    }

    private static string Counts(RatesReport r) => JsonSerializer.Serialize(r with { MedianTimeToRespond = new(null, r.MedianTimeToRespond.Cases), MedianTimeToClose = new(null, r.MedianTimeToClose.Cases) });

    private static async Task<(T Result, List<double> Milliseconds)> TimeAsync<T>(Func<Task<T>> action)
    {
        var result = await action();
        var times = new List<double>();
        for (var run = 0; run < Runs; run++)
        {
            var watch = Stopwatch.StartNew();
            result = await action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return (result, times);
    }

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    /// <summary>The city, and down its first branch a district, a street, a community and a grid.</summary>
    private static async Task<List<string>> NodesAsync(LinliDb db)
    {
        var codes = new List<string> { TreeGenerator.ChangchunCode };
        for (var kind = 0; kind < 4; kind++)
        {
            var parent = codes[^1];
            codes.Add(await db.Nodes.AsNoTracking().Where(n => n.Parent!.Code == parent).OrderBy(n => n.Code).Select(n => n.Code).FirstAsync());
        }

        return codes;
    }

    private sealed record Grid(int Id, string Path);

    private sealed record Category(int Id, int RespondWithinMinutes, int ResolveWithinMinutes);

    /// <summary>
    /// Cases spread over the last three years (more in daytime, more in busy grids and common categories), most of the
    /// older ones closed and many rated, the recent ones at every stage; every event before now. The case indexes are
    /// dropped for the copy and built again after it, as a bulk load would.
    /// </summary>
    private static async Task SeedAsync(LinliDb db, int count, DateTimeOffset now)
    {
        var grids = await db.Nodes.AsNoTracking().Where(n => n.Kind == NodeKind.Grid).OrderBy(n => n.Id).Select(n => new Grid(n.Id, n.Path)).ToListAsync();
        var categories = await db.CaseCategories.AsNoTracking().OrderBy(c => c.Id).Select(c => new Category(c.Id, c.RespondWithinMinutes, c.ResolveWithinMinutes)).ToListAsync();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var indexes = await db.Database.SqlQueryRaw<string>("""SELECT indexdef AS "Value" FROM pg_indexes WHERE tablename = 'cases' AND indexname <> 'PK_cases'""").ToListAsync();
        var names = await db.Database.SqlQueryRaw<string>(""" SELECT indexname AS "Value" FROM pg_indexes WHERE tablename = 'cases' AND indexname <> 'PK_cases' """).ToListAsync();
        var drop = string.Concat(names.Select(n => $"DROP INDEX \"{n}\";")) + "ALTER TABLE cases DISABLE TRIGGER ALL";
        await db.Database.ExecuteSqlRawAsync(drop);

        var random = new Random(2026_1125);
        var start = now.AddDays(-3 * 365);
        var span = (now - start).TotalMinutes;
        await using (var writer = await connection.BeginBinaryImportAsync("""
            COPY cases ("Receipt", "CategoryId", "Description", "Answers", "Source", "State", "Latitude", "Longitude", "GridNodeId", "GridPath",
              "ReporterAnonymous", "ReportedAt", "DispatchedAt", "RespondedAt", "ResolvedAt", "ClosedAt", "RespondBy", "ResolveBy", "EscalationLevel",
              "RatingStars", "RatingSolved", "RatedAt", "Version") FROM STDIN (FORMAT BINARY)
            """))
        {
            for (var i = 0; i < count; i++)
            {
                // Later days a little busier than earlier ones; hours mostly 8:00–20:00 China time.
                var day = Math.Floor(Math.Sqrt(random.NextDouble()) * span / 1440);
                var minute = (random.NextDouble() < 0.85 ? 8 * 60 + random.Next(12 * 60) : random.Next(24 * 60)) - 8 * 60;
                var reported = start.AddDays(day).AddMinutes(minute + random.NextDouble());
                if (reported >= now)
                {
                    reported = now.AddMinutes(-random.Next(1, 600));
                }

                var grid = grids[(int)(grids.Count * Math.Pow(random.NextDouble(), 1.5))];
                var category = categories[(int)(categories.Count * Math.Pow(random.NextDouble(), 2))];
                var respondBy = reported.AddMinutes(category.RespondWithinMinutes);
                var resolveBy = reported.AddMinutes(category.ResolveWithinMinutes);
                var (state, responded, resolved, closed) = Lifecycle(random, reported, category, now);
                int? stars = null;
                bool? solved = null;
                DateTimeOffset? rated = null;
                if (closed is { } c && random.NextDouble() < 0.55 && c.AddHours(72) < now)
                {
                    var roll = random.NextDouble();
                    stars = roll < 0.5 ? 5 : roll < 0.75 ? 4 : roll < 0.87 ? 3 : roll < 0.94 ? 2 : 1;
                    solved = random.NextDouble() < (stars >= 4 ? 0.85 : 0.3);
                    rated = c.AddMinutes(random.Next(10, 72 * 60));
                }

                await writer.StartRowAsync();
                await writer.WriteAsync($"B{i:D10}", NpgsqlDbType.Text);
                await writer.WriteAsync(category.Id, NpgsqlDbType.Integer);
                await writer.WriteAsync("压测 Benchmark case", NpgsqlDbType.Text);
                await writer.WriteAsync("[]", NpgsqlDbType.Jsonb);
                await writer.WriteAsync(nameof(CaseSource.Web), NpgsqlDbType.Text);
                await writer.WriteAsync(state.ToString(), NpgsqlDbType.Text);
                await writer.WriteAsync(43.8 + random.NextDouble() * 0.2, NpgsqlDbType.Double);
                await writer.WriteAsync(125.2 + random.NextDouble() * 0.3, NpgsqlDbType.Double);
                await writer.WriteAsync(grid.Id, NpgsqlDbType.Integer);
                await writer.WriteAsync(grid.Path, NpgsqlDbType.Text);
                await writer.WriteAsync(random.NextDouble() < 0.1, NpgsqlDbType.Boolean);
                await writer.WriteAsync(reported, NpgsqlDbType.TimestampTz);
                await WriteAsync(writer, state == CaseState.New ? null : reported.AddMinutes(random.Next(1, 20)));
                await WriteAsync(writer, responded);
                await WriteAsync(writer, resolved);
                await WriteAsync(writer, closed);
                await writer.WriteAsync(respondBy, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(resolveBy, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(0, NpgsqlDbType.Integer);
                await WriteAsync(writer, stars, NpgsqlDbType.Integer);
                await WriteAsync(writer, solved, NpgsqlDbType.Boolean);
                await WriteAsync(writer, rated);
                await writer.WriteAsync(0, NpgsqlDbType.Integer);
            }

            await writer.CompleteAsync();
        }

        await db.Database.ExecuteSqlRawAsync("ALTER TABLE cases ENABLE TRIGGER ALL; SET max_parallel_maintenance_workers = 2");
        foreach (var index in indexes)
        {
            await db.Database.ExecuteSqlRawAsync(index);
        }

        await db.Database.ExecuteSqlRawAsync("ANALYZE cases");
    }

    private static (CaseState State, DateTimeOffset? Responded, DateTimeOffset? Resolved, DateTimeOffset? Closed) Lifecycle(
        Random random, DateTimeOffset reported, Category category, DateTimeOffset now)
    {
        var roll = random.NextDouble();
        if (roll < 0.03)
        {
            return (CaseState.Cancelled, null, null, null);
        }

        if (roll < 0.05)
        {
            return (CaseState.Duplicate, null, null, null);
        }

        // Durations around a share of the limit, log-normally spread: most in time, some late.
        DateTimeOffset After(DateTimeOffset at, int limitMinutes, double share) =>
            at.AddMinutes(Math.Max(1, limitMinutes * share * Math.Exp(0.8 * Normal(random))));

        var responded = After(reported, category.RespondWithinMinutes, 0.4);
        if (responded > now || random.NextDouble() < 0.01)
        {
            return (random.NextDouble() < 0.5 ? CaseState.New : CaseState.Dispatched, null, null, null);
        }

        var resolved = After(responded, category.ResolveWithinMinutes, 0.35);
        if (resolved > now || random.NextDouble() < 0.02)
        {
            return (random.NextDouble() < 0.5 ? CaseState.Accepted : CaseState.InProgress, responded, null, null);
        }

        var closed = resolved.AddMinutes(random.Next(30, 48 * 60));
        if (closed > now)
        {
            return (random.NextDouble() < 0.5 ? CaseState.Resolved : CaseState.Verified, responded, resolved, null);
        }

        return (CaseState.Closed, responded, resolved, closed);
    }

    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static Task WriteAsync(NpgsqlBinaryImporter writer, DateTimeOffset? value) =>
        value is { } v ? writer.WriteAsync(v.ToUniversalTime(), NpgsqlDbType.TimestampTz) : writer.WriteNullAsync();

    private static Task WriteAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type) where T : struct =>
        value is { } v ? writer.WriteAsync(v, type) : writer.WriteNullAsync();
}
