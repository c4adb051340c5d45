using System.Diagnostics;
using Linli.Web.Data;
using Linli.Web.Features.People;
using Linli.Web.Features.Tree;
using Linli.Web.Features.Tree.Import;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Demo;

public sealed record DemoSeedResult(string Size, ImportResult Tree, DemoPeopleResult People, TimeSpan Elapsed);

/// <summary>
/// Loads a demo dataset: the tree from <see cref="TreeGenerator"/>, written through <see cref="TreeImporter"/> (so it passes
/// the same validation as any import), then the people of <see cref="DemoPeople"/>.
/// </summary>
public static class DemoSeeder
{
    /// <summary>On the first start of an empty database (no tree nodes at all), loads the demo street. Returns whether it did.</summary>
    public static async Task<bool> SeedStreetIfEmptyAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
    {
        var db = scopedServices.GetRequiredService<LinliDb>();
        if (await db.Nodes.AnyAsync(cancellationToken))
        {
            return false;
        }

        await SeedAsync(TreeGenerator.StreetSize, scopedServices, progress: null, cancellationToken);
        return true;
    }

    /// <summary>
    /// <c>seed street|city</c>. Refuses (<see cref="InvalidOperationException"/>) an unknown size, or a dataset whose city is
    /// already in the database; the two datasets have different cities and can live side by side.
    /// </summary>
    public static async Task<DemoSeedResult> SeedAsync(
        string size, IServiceProvider scopedServices, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        size = size?.Trim().ToLowerInvariant() ?? "";
        if (!TreeGenerator.Sizes.Contains(size))
        {
            throw new InvalidOperationException($"usage: seed street|city ('{size}' is not a demo dataset). " +
                "street = Shiqiaopu Street, Chongqing, with demo sign-ins; city = Changchun at full three-chiefs scale.");
        }

        var watch = Stopwatch.StartNew();
        var db = scopedServices.GetRequiredService<LinliDb>();
        var rootCode = TreeGenerator.RootCodeOf(size);
        var root = await db.Nodes.AsNoTracking().Where(n => n.Code == rootCode).Select(n => n.Name).FirstOrDefaultAsync(cancellationToken);
        if (root is not null)
        {
            throw new InvalidOperationException(
                $"Refusing to seed '{size}': the database already holds node {rootCode} ({root}). Seed into a database without it " +
                "(for SQLite, delete data/linli.db or point ConnectionStrings:Linli at a new file).");
        }

        var normalizer = scopedServices.GetService<ILookupNormalizer>() ?? new UpperInvariantLookupNormalizer();
        var login = size == TreeGenerator.StreetSize ? DemoAccounts.All[0].Login : DemoAccounts.CityAdministratorLogin;
        var normalised = normalizer.NormalizeName(login);
        if (await db.Users.AnyAsync(u => u.NormalizedUserName == normalised, cancellationToken))
        {
            throw new InvalidOperationException($"Refusing to seed '{size}': a user '{login}' already exists, so the demo people would clash.");
        }

        progress?.Report(new ImportProgress("tree: generating", 0, 1));
        var features = TreeGenerator.Generate(size);
        progress?.Report(new ImportProgress("tree: validating", 0, features.Count));
        var importer = ActivatorUtilities.GetServiceOrCreateInstance<TreeImporter>(scopedServices);
        var tree = await importer.ImportAsync(features, GeoJsonTreeReader.PositionName, _ => true,
            progress is null ? null : new TreeProgress(progress, features), cancellationToken);

        var people = new DemoPeople(db, normalizer, scopedServices.GetService<TimeProvider>() ?? TimeProvider.System);
        var created = size == TreeGenerator.StreetSize
            ? await people.CreateForStreetAsync(scopedServices.GetRequiredService<UserManager<LinliUser>>(), progress, cancellationToken)
            : await people.CreateForCityAsync(progress, cancellationToken);
        if (size == TreeGenerator.StreetSize)
        {
            await DemoAntiFraud.SeedAsync(db, scopedServices.GetService<TimeProvider>() ?? TimeProvider.System, cancellationToken);
            await new DemoPartners(db, scopedServices.GetService<TimeProvider>() ?? TimeProvider.System).SeedAsync(cancellationToken);
            await DemoVolunteers.CreateForStreetAsync(db, scopedServices.GetService<TimeProvider>() ?? TimeProvider.System, cancellationToken);
            await DemoPolicing.SeedAsync(db, scopedServices.GetService<TimeProvider>() ?? TimeProvider.System, cancellationToken);
            await DemoHazards.SeedAsync(db, scopedServices.GetService<TimeProvider>() ?? TimeProvider.System, cancellationToken);
            await DemoMediation.SeedAsync(db, scopedServices.GetService<TimeProvider>() ?? TimeProvider.System, cancellationToken);
            await DemoSafetyTips.SeedAsync(db, scopedServices.GetService<TimeProvider>() ?? TimeProvider.System, cancellationToken);
            await DemoSurveys.SeedAsync(db, scopedServices.GetService<TimeProvider>() ?? TimeProvider.System, cancellationToken);
            await DemoFeedback.SeedAsync(db, scopedServices.GetService<TimeProvider>() ?? TimeProvider.System, cancellationToken);
            await DemoFollowUps.SeedAsync(db, scopedServices.GetService<TimeProvider>() ?? TimeProvider.System, cancellationToken);
            await DemoNotifications.SeedAsync(db, scopedServices.GetService<TimeProvider>() ?? TimeProvider.System, cancellationToken);
            await DemoCampaigns.SeedAsync(db, scopedServices.GetService<TimeProvider>() ?? TimeProvider.System, cancellationToken);
            await DemoCare.SeedAsync(db, scopedServices.GetService<TimeProvider>() ?? TimeProvider.System, cancellationToken);
            await DemoChannels.SeedAsync(db, scopedServices.GetService<TimeProvider>() ?? TimeProvider.System, cancellationToken);
            if (scopedServices.GetRequiredService<IConfiguration>().GetValue(DemoDashboards.Setting, true))
            {
                await DemoDashboards.SeedAsync(db, scopedServices.GetService<TimeProvider>() ?? TimeProvider.System, cancellationToken);
            }
        }

        return new DemoSeedResult(size, tree, created, watch.Elapsed);
    }

    /// <summary>Turns the importer's running total over all levels into "tree: grid 1,234/4,839".</summary>
    private sealed class TreeProgress : IProgress<ImportProgress>
    {
        private readonly IProgress<ImportProgress> _outer;
        private readonly Dictionary<string, (int Before, int Count)> _levels = new(StringComparer.Ordinal);

        public TreeProgress(IProgress<ImportProgress> outer, IReadOnlyList<ImportFeature> features)
        {
            _outer = outer;
            var before = 0;
            foreach (var level in features.GroupBy(f => f.Kind ?? "").OrderBy(g => NodeKinds.TryParse(g.Key, out var kind) ? (int)kind : int.MaxValue))
            {
                var count = level.Count();
                _levels[level.Key] = (before, count);
                before += count;
            }
        }

        public void Report(ImportProgress value)
        {
            var (before, count) = _levels.GetValueOrDefault(value.Stage, (0, value.Total));
            _outer.Report(new ImportProgress("tree: " + value.Stage, value.Done - before, count));
        }
    }
}
