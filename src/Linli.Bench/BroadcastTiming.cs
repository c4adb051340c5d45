using System.Diagnostics;
using System.Globalization;
using Linli.Web.Data;
using Linli.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Bench;

/// <summary>
/// <c>broadcast [CONNECTION-STRING] [--recipients N]</c>: seeds N synthetic residents on PostgreSQL (households in
/// 1,000 units under one community, all opted in to broadcasts, each with a confirmed email) with set-based SQL, then
/// times only <see cref="BroadcastEnqueue.EnqueueAsync"/> — the app's own INSERT … SELECT — for an urgent broadcast to
/// the community. Goal: 1,000,000 recipients enqueued in under 10 s. The database is dropped and re-created first.
/// </summary>
internal static class BroadcastTiming
{
    public const string Usage =
        "usage: broadcast [CONNECTION-STRING] [--recipients N]   (PostgreSQL; default " + ImportTiming.DefaultPostgres + ", 1,000,000 recipients)";

    private const double GoalSeconds = 10;
    private const int Units = 1000;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var (positional, recipients) = BenchArgs.Parse(args, "--recipients", 1_000_000);
        if (positional.Count > 1 || recipients < Units)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var connectionString = positional.ElementAtOrDefault(0) ?? ImportTiming.DefaultPostgres;
        await using var services = BenchServices.Build(postgres: true, connectionString);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LinliDb>();
        await ImportTiming.ResetAsync(db, postgres: true, connectionString);

        var seed = Stopwatch.StartNew();
        var community = await SeedAsync(db, recipients);
        seed.Stop();
        Console.WriteLine($"Seeded {recipients:N0} opted-in residents in {Units:N0} units in {seed.Elapsed.TotalSeconds:F1} s (not timed below); " +
            $".NET {Environment.Version}; {Environment.ProcessorCount} cores; load average {BenchArgs.LoadAverage()}");

        var broadcast = new Broadcast { NodeId = community, NodePath = "/bench/", Audience = BroadcastAudience.Residents, Text = "压测通知 Benchmark notice", Urgent = true, SentBy = Guid.Empty };
        var enqueue = new BroadcastEnqueue(db, TimeProvider.System);
        var watch = Stopwatch.StartNew();
        await enqueue.EnqueueAsync(broadcast, "压测社区", "Benchmark community");
        watch.Stop();

        var stored = await db.Outbox.CountAsync(m => m.BroadcastId == broadcast.Id);
        var seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"Enqueued {broadcast.Recipients:N0} messages ({stored:N0} rows stored) in {seconds:F2} s = {stored / seconds:N0} rows/s; " +
            $"goal < {GoalSeconds:F0} s: {(seconds < GoalSeconds ? "met" : "MISSED")}; load average after {BenchArgs.LoadAverage()}");
        return stored == recipients ? 0 : 1;
    }

    /// <summary>The synthetic street: one community, <see cref="Units"/> units under it, residents spread evenly.</summary>
    private static async Task<int> SeedAsync(LinliDb db, int recipients)
    {
        string[] statements =
        [
            """INSERT INTO tree_nodes ("Code", "Kind", "Name", "Path", "Depth", "IsRural") VALUES ('bench', 'Community', '压测社区', '/bench/', 0, false)""",
            $"""
            INSERT INTO tree_nodes ("Code", "Kind", "Name", "Path", "Depth", "IsRural", "ParentId")
            SELECT 'bench-u' || lpad(i::text, 4, '0'), 'Unit', '单元 ' || i, '/bench/bench-u' || lpad(i::text, 4, '0') || '/', 1, false,
                   (SELECT "Id" FROM tree_nodes WHERE "Code" = 'bench')
            FROM generate_series(1, {Units}) i
            """,
            $"""
            INSERT INTO "AspNetUsers" ("Id", "DisplayName", "Kind", "CreatedAt", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed",
                                       "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "SecurityStamp")
            SELECT md5('bench' || i)::uuid, '居民' || i, 'Resident', now(), 'r' || i, 'R' || i, 'r' || i || '@bench.test', 'R' || i || '@BENCH.TEST', true,
                   false, false, true, 0, md5('stamp' || i)
            FROM generate_series(1, {recipients}) i
            """,
            """
            INSERT INTO consents ("UserId", "Purpose", "TextVersion", "GivenAt")
            SELECT md5('bench1')::uuid, 'HouseholdLink', 'bench', now()
            """,
            $"""
            INSERT INTO household_links ("UserId", "UnitNodeId", "ConsentId", "LinkedAt")
            SELECT md5('bench' || i)::uuid, u."Id", (SELECT max("Id") FROM consents), now()
            FROM generate_series(1, {recipients}) i
            JOIN tree_nodes u ON u."Code" = 'bench-u' || lpad((1 + i % {Units})::text, 4, '0')
            """,
            $"""
            INSERT INTO notification_preferences ("UserId", "ChannelOrder", "Updates", "FollowUps", "Broadcasts", "QuietStartsAtHour", "QuietEndsAtHour", "UpdatedAt")
            SELECT md5('bench' || i)::uuid, 'Email,Sms,InApp', 'Preferred', 'Preferred', 'Preferred', 20, 8, now()
            FROM generate_series(1, {recipients}) i
            """,
            "ANALYZE",
        ];
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        foreach (var sql in statements)
        {
            await db.Database.ExecuteSqlRawAsync(sql);
        }

        return await db.Nodes.Where(n => n.Code == "bench").Select(n => n.Id).SingleAsync();
    }
}

/// <summary>What the timing modes share: their few arguments, the app's services, and the load average to report.</summary>
internal static class BenchArgs
{
    public static (List<string> Positional, int Count) Parse(IReadOnlyList<string> args, string countOption, int defaultCount)
    {
        var count = defaultCount;
        var positional = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == countOption && i + 1 < args.Count && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                count = n;
                i++;
            }
            else
            {
                positional.Add(args[i]);
            }
        }

        return (positional, count);
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}

internal static class BenchServices
{
    public static ServiceProvider Build(bool postgres, string connectionString, IDictionary<string, string?>? settings = null, Action<IServiceCollection, IConfiguration>? more = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Database:Provider"] = postgres ? nameof(DatabaseProvider.Postgres) : nameof(DatabaseProvider.Sqlite),
            ["ConnectionStrings:Linli"] = connectionString,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddLinliData(configuration);
        more?.Invoke(services, configuration);
        return services.BuildServiceProvider();
    }
}
