using System.Diagnostics;
using Linli.Web.Data;
using Linli.Web.Features.Campaigns;
using Linli.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Bench;

/// <summary>
/// <c>campaign [CONNECTION-STRING]</c>: on a PostgreSQL database already holding the <c>city</c> dataset (run the app's
/// <c>seed city</c> against it first), times <see cref="CampaignLauncher.LaunchAsync"/> for an epidemic screening over
/// the whole city (124,665 unit tasks; goal &lt; 10 s), then the progress roll-up at the city, a district and a
/// community (goal &lt; 100 ms each, best of five after one warm-up). The campaign is deleted afterwards.
/// </summary>
internal static class CampaignTiming
{
    public const string Usage = "usage: campaign [CONNECTION-STRING]   (PostgreSQL holding the city dataset; default " + ImportTiming.DefaultPostgres + ")";

    private const double LaunchGoalSeconds = 10;
    private const double ProgressGoalMilliseconds = 100;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (args.Count > 1)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var connectionString = args.ElementAtOrDefault(0) ?? ImportTiming.DefaultPostgres;
        await using var services = BenchServices.Build(postgres: true, connectionString);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LinliDb>();
        var city = await db.Nodes.AsNoTracking().Where(n => n.Code == TreeGenerator.ChangchunCode).Select(n => new { n.Id, n.Path }).SingleOrDefaultAsync();
        if (city is null)
        {
            Console.Error.WriteLine("The database holds no city dataset: run `dotnet run --project src/Linli.Web -- seed city` against it first.");
            return 2;
        }

        Console.WriteLine($".NET {Environment.Version}; {Environment.ProcessorCount} cores; load average {BenchArgs.LoadAverage()}");
        var campaign = new Campaign
        {
            Kind = CampaignKind.EpidemicScreening, Title = "压测排查 Benchmark screening", Instructions = "压测", NodeId = city.Id, NodePath = city.Path, LaunchedBy = Guid.Empty,
        };
        var watch = Stopwatch.StartNew();
        var launched = await new CampaignLauncher(db, TimeProvider.System).LaunchAsync(campaign);
        watch.Stop();
        var seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"Launched {launched.TotalTasks:N0} tasks over {launched.Grids:N0} grids in {seconds:F2} s; goal < {LaunchGoalSeconds:F0} s: {(seconds < LaunchGoalSeconds ? "met" : "MISSED")}");

        // Mark a share done so the roll-up sums real figures, as the counters would after a day's work.
        await db.Database.ExecuteSqlRawAsync("""UPDATE campaign_grid_progress SET "Done" = "Total" * ("GridId" % 5) / 5 WHERE "CampaignId" = {0}""", campaign.Id);
        await db.Database.ExecuteSqlRawAsync("ANALYZE campaign_grid_progress");
        var progress = new CampaignProgress(db, new CampaignQueries(db, scope: null!, TimeProvider.System));
        var district = await db.Nodes.AsNoTracking().Where(n => n.ParentId == city.Id).OrderBy(n => n.Code).Select(n => n.Code).FirstAsync();
        var community = await db.Nodes.AsNoTracking().Where(n => n.Kind == Web.Features.Tree.NodeKind.Community && n.Path.StartsWith(city.Path)).OrderBy(n => n.Code).Select(n => n.Code).FirstAsync();
        var met = seconds < LaunchGoalSeconds;
        foreach (var code in new[] { TreeGenerator.ChangchunCode, district, community })
        {
            var best = double.MaxValue;
            CampaignProgressView? view = null;
            for (var run = 0; run < 6; run++)
            {
                var timing = Stopwatch.StartNew();
                view = await progress.RollUpAsync(campaign.Id, code, (_, _) => Task.CompletedTask);
                timing.Stop();
                best = run == 0 ? best : Math.Min(best, timing.Elapsed.TotalMilliseconds);
            }

            met &= best < ProgressGoalMilliseconds;
            Console.WriteLine($"Progress at {code}: {view!.Node.Done:N0}/{view.Node.Total:N0}, {view.Children.Count} children, {view.Lagging.Count} lagging, best {best:F1} ms; " +
                $"goal < {ProgressGoalMilliseconds:F0} ms: {(best < ProgressGoalMilliseconds ? "met" : "MISSED")}");
        }

        await db.Campaigns.Where(c => c.Id == campaign.Id).ExecuteDeleteAsync();
        Console.WriteLine($"load average after {BenchArgs.LoadAverage()}");
        return met ? 0 : 1;
    }
}
