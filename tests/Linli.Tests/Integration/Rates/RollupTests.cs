using System.Text.Json;
using System.Text.RegularExpressions;
using Linli.Tests.Infrastructure;
using Linli.Web.Data;
using Linli.Web.Features.Cases;
using Linli.Web.Features.Demo;
using Linli.Web.Features.Rates;
using Linli.Web.Features.Rates.Rollups;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Integration.Rates;

/// <summary>The roll-ups give the figures the cases give, and stay equal to a full rebuild whatever happens to the cases.</summary>
public sealed partial class RollupTests
{
    [Theory, BothDatabases]
    public async Task Incrementally_kept_rollups_equal_a_full_rebuild_after_random_lifecycle_changes(DatabaseKind kind)
    {
        await using var app = await RatesScenario.StartAsync(kind);
        Assert.True(await app.WithDbAsync(db => db.CaseRollups.AnyAsync()));
        await AssertEqualToRebuildAsync(app);

        await app.WithDbAsync(async db =>
        {
            await RandomChangesAsync(db, new Random(8_2026), 150);
            return 0;
        });
        await AssertEqualToRebuildAsync(app);
    }

    [Theory, BothDatabases]
    public async Task A_failed_save_leaves_the_rollups_untouched(DatabaseKind kind)
    {
        await using var app = await RatesScenario.StartAsync(kind);
        var before = await SnapshotAsync(app);
        await app.WithDbAsync(async db =>
        {
            var c = await db.Cases.OrderBy(x => x.Id).FirstAsync();
            c.State = CaseState.Closed;
            c.ClosedAt = c.ReportedAt.AddHours(3);
            db.Entry(c).Property(x => x.Version).OriginalValue = c.Version + 100;
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
            return 0;
        });
        Assert.Equal(before, await SnapshotAsync(app));
        await AssertEqualToRebuildAsync(app);
    }

    [Theory, BothDatabases]
    public async Task Figures_from_the_rollups_equal_figures_from_the_cases(DatabaseKind kind)
    {
        await using var app = await RatesScenario.StartAsync(kind);
        await app.WithDbAsync(async db =>
        {
            await RandomChangesAsync(db, new Random(2025_03), 120);
            var street = await db.Nodes.AsNoTracking().Where(n => n.Code == TreeGenerator.ShiqiaopuCode).Select(n => n.Path).SingleAsync();
            // Kinds are stored by name, so they are compared here rather than in SQL.
            var nodes = (await db.Nodes.AsNoTracking().Where(n => n.Path.StartsWith(street)).OrderBy(n => n.Path).Select(n => new { n.Code, n.Kind }).ToListAsync())
                .Where(n => n.Kind <= NodeKind.Grid).Select(n => n.Code).ToList();
            var codes = nodes.Where((_, i) => i % 7 == 0).Append(TreeGenerator.JiulongpoCode).Append(TreeGenerator.ShiqiaopuCode).Append(DemoAccounts.CommunityCode).Append(DemoAccounts.GridCode).Distinct().ToList();
            var firstDay = ChinaCalendar.DayOf(RatesScenario.T0);

            // Mid-day, just after midnight and at a limit itself (never before an event: the clock stamps them): the
            // limits later today must not count yet.
            var end = RatesScenario.T0.AddDays(10);
            var limit = await db.Cases.Where(c => c.RespondBy > end && c.RespondBy < end.AddDays(1)).OrderBy(c => c.RespondBy).Select(c => c.RespondBy).FirstOrDefaultAsync();
            DateTimeOffset[] nows = [end, end.AddHours(3), ChinaCalendar.StartOf(ChinaCalendar.DayOf(end).AddDays(1)).AddMinutes(1), limit == default ? end.AddHours(5) : limit, end.AddDays(40)];
            foreach (var now in nows)
            {
                RatePeriod[] periods =
                [
                    RatePeriods.Preset(PeriodPreset.ThisMonth, now), RatePeriods.Preset(PeriodPreset.LastMonth, now), RatePeriods.Preset(PeriodPreset.Last90Days, now),
                    new(ChinaCalendar.Midnight(firstDay), ChinaCalendar.Midnight(firstDay.AddDays(1))),
                    new(ChinaCalendar.Midnight(firstDay.AddDays(-3)), ChinaCalendar.Midnight(firstDay.AddDays(12))),
                ];
                foreach (var code in codes)
                {
                    var (scope, _, error) = await RateScopes.ResolveAsync(db, code, null, CancellationToken.None);
                    Assert.True(scope is not null, $"{code}: {error}");
                    foreach (var period in periods)
                    {
                        Assert.NotNull(RollupDays.For(period, now));
                        var fromRollups = await RatesQueries.ReportAsync(db, scope!, period, now, CancellationToken.None);
                        var fromCases = await RatesQueries.ReportFromCasesAsync(db, scope!, period, now, CancellationToken.None);
                        var what = $"{code} {period.From:u}..{period.To:u} at {now:u}";
                        Assert.True(Json(WithoutMedians(fromCases)) == Json(WithoutMedians(fromRollups)), $"{what}\ncases:   {Json(fromCases)}\nrollups: {Json(fromRollups)}");
                        AssertClose(fromCases.MedianTimeToRespond, fromRollups.MedianTimeToRespond, what);
                        AssertClose(fromCases.MedianTimeToClose, fromRollups.MedianTimeToClose, what);
                        if (scope!.Node!.Kind != NodeKind.Grid.ToWire())
                        {
                            foreach (var sort in Enum.GetValues<RankBy>())
                            {
                                var children = await RatesQueries.ChildrenAsync(db, scope, period, now, sort, CancellationToken.None);
                                var childrenFromCases = await RatesQueries.ChildrenFromCasesAsync(db, scope, period, now, sort, CancellationToken.None);
                                Assert.NotEmpty(children.Children);
                                Assert.True(Json(childrenFromCases) == Json(children), $"{what} children by {sort}\ncases:   {Json(childrenFromCases)}\nrollups: {Json(children)}");
                            }
                        }
                    }
                }
            }

            return 0;
        });
    }

    [Fact]
    public void Every_write_to_cases_that_bypasses_EF_is_known_and_keeps_the_rollups()
    {
        // EF writes are covered by the interceptor; ExecuteUpdate/ExecuteDelete and raw SQL are not, so each one must be
        // listed here with why it is right: it writes the roll-ups itself, or it touches no column the roll-ups read.
        var known = new Dictionary<string, string>
        {
            ["Features/Cases/Intake/PostgresCaseBatch.cs"] = "RollupWriter",
            ["Features/Cases/Escalation/CaseEscalator.cs"] = "EscalationLevel",
            ["Features/Rates/Rollups/RollupRebuild.cs"] = "DELETE FROM case_rollups",
        };
        var source = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Linli.Web"));
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/Migrations/") && !f.Contains("/obj/")))
        {
            var text = File.ReadAllText(file);
            if (BypassingWrite().IsMatch(text))
            {
                var relative = Path.GetRelativePath(source, file).Replace('\\', '/');
                found.Add(relative);
                Assert.True(known.TryGetValue(relative, out var evidence), $"{relative} writes cases outside EF's change tracking: keep the roll-ups right there (RollupWriter) and list it here.");
                Assert.Contains(evidence, text);
            }
        }

        Assert.Contains("Features/Cases/Intake/PostgresCaseBatch.cs", found);
        Assert.Contains("Features/Cases/Escalation/CaseEscalator.cs", found);

        // The escalation's update sets only columns the roll-ups do not read.
        var escalator = File.ReadAllText(Path.Combine(source, "Features/Cases/Escalation/CaseEscalator.cs"));
        var set = SetProperty().Matches(escalator).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(set);
        Assert.All(set, column => Assert.Contains(column, new[] { nameof(Case.EscalationLevel), nameof(Case.EscalatedAt), nameof(Case.Version) }));
    }

    [Fact]
    public void Medians_from_the_histogram_are_exact_for_lone_cases_and_within_the_bucket_otherwise()
    {
        long Minutes(double m) => (long)(m * 60_000);
        (int, int, long)[] Rows(params double[] minutes) =>
            [.. minutes.GroupBy(m => DurationBuckets.Of(Minutes(m))).Select(g => (g.Key, g.Count(), g.Sum(Minutes)))];

        Assert.Equal(new MedianFigure(90, 4), DurationBuckets.Median(Rows(60, 60, 120, 180)));
        Assert.Equal(new MedianFigure(1140, 2), DurationBuckets.Median(Rows(360, 1920)));
        Assert.Equal(new MedianFigure(null, 0), DurationBuckets.Median(Rows()));
        var spread = DurationBuckets.Median(Rows(100, 101, 104, 300));
        Assert.InRange(spread.Minutes!.Value, 100, 105);
        Assert.Equal(0, DurationBuckets.Of(-5));
        Assert.Equal(1, DurationBuckets.Of(0));
        Assert.True(DurationBuckets.Of(Minutes(60 * 24 * 400)) == DurationBuckets.Edges.Length);
    }

    [GeneratedRegex(@"(\.Cases\b[^;]*\.Execute(Update|Delete)|(INSERT\s+INTO|UPDATE|DELETE\s+FROM|COPY)\s+""?cases""?[\s(])", RegexOptions.Singleline)]
    private static partial Regex BypassingWrite();

    [GeneratedRegex(@"SetProperty\(x => x\.(\w+)")]
    private static partial Regex SetProperty();

    private static RatesReport WithoutMedians(RatesReport r) => r with { MedianTimeToRespond = new(null, r.MedianTimeToRespond.Cases), MedianTimeToClose = new(null, r.MedianTimeToClose.Cases) };

    private static void AssertClose(MedianFigure expected, MedianFigure actual, string what)
    {
        Assert.Equal(expected.Cases, actual.Cases);
        if (expected.Minutes is { } e)
        {
            // Within the bucket: buckets are at most about a fifth as wide as their lower edge, and a few minutes below an hour.
            Assert.True(Math.Abs(actual.Minutes!.Value - e) <= Math.Max(10, e * 0.25), $"{what}: median {actual.Minutes} for {e}");
        }
        else
        {
            Assert.Null(actual.Minutes);
        }
    }

    private static string Json(object value) => JsonSerializer.Serialize(value);

    /// <summary>Accept, resolve, close, rate, cancel, reopen, move, re-time, add and delete cases through EF, in small saves, some inside a transaction.</summary>
    private static async Task RandomChangesAsync(LinliDb db, Random random, int steps)
    {
        var grids = await db.Nodes.AsNoTracking().Where(n => n.Kind == NodeKind.Grid).OrderBy(n => n.Id).Select(n => new { n.Id, n.Path }).Take(12).ToListAsync();
        var categories = await db.CaseCategories.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
        var added = new List<Case>();
        for (var step = 0; step < steps; step++)
        {
            var cases = await db.Cases.OrderBy(c => c.Id).ToListAsync();
            var c = cases[random.Next(cases.Count)];

            // Events happen by the scenario's end at the latest, as the clock would have them; limits may lie beyond it.
            var at = Earlier(c.ReportedAt.AddMinutes(random.Next(-30, 60 * 24 * 12)), random);
            switch (random.Next(11))
            {
                case 0:
                    (c.State, c.RespondedAt) = (CaseState.Accepted, at);
                    break;
                case 1:
                    (c.State, c.ResolvedAt) = (CaseState.Resolved, at);
                    break;
                case 2:
                    (c.State, c.ClosedAt) = (CaseState.Closed, at);
                    break;
                case 3:
                    (c.RatingStars, c.RatingSolved, c.RatedAt) = (random.Next(1, 6), random.Next(3) switch { 0 => null, 1 => true, _ => false }, at);
                    break;
                case 4:
                    c.State = random.Next(2) == 0 ? CaseState.Cancelled : CaseState.Duplicate;
                    break;
                case 5:
                    (c.State, c.ClosedAt, c.ResolvedAt) = (CaseState.Reopened, null, null);
                    break;
                case 6:
                    var grid = grids[random.Next(grids.Count)];
                    (c.GridNodeId, c.GridPath, c.CategoryId) = (grid.Id, grid.Path, categories[random.Next(categories.Count)]);
                    break;
                case 7:
                    (c.RespondBy, c.ResolveBy) = (c.RespondBy.AddMinutes(random.Next(-600, 600)), c.ResolveBy.AddMinutes(random.Next(-3000, 3000)));
                    break;
                case 8:
                    var copy = new Case
                    {
                        Receipt = $"RT{step:D4}{random.Next(100_000):D5}", CategoryId = c.CategoryId, Description = "roll-up test", State = c.State, GridNodeId = c.GridNodeId,
                        GridPath = c.GridPath, ReportedAt = at, RespondBy = at.AddHours(2), ResolveBy = at.AddDays(2), RespondedAt = random.Next(2) == 0 ? Earlier(at.AddMinutes(random.Next(300)), random) : null,
                        Latitude = c.Latitude, Longitude = c.Longitude,
                    };
                    db.Cases.Add(copy);
                    added.Add(copy);
                    break;
                case 9 when added.Count > 0:
                    var gone = added[random.Next(added.Count)];
                    added.Remove(gone);
                    db.Cases.Remove(gone);
                    break;
                default:
                    (c.RatingStars, c.RatedAt, c.RespondedAt) = (null, null, random.Next(2) == 0 ? null : c.RespondedAt);
                    break;
            }

            if (random.Next(3) == 0)
            {
                continue;
            }

            if (random.Next(4) == 0)
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            }
            else
            {
                await db.SaveChangesAsync();
            }
        }

        await db.SaveChangesAsync();
    }

    private static DateTimeOffset Earlier(DateTimeOffset at, Random random)
    {
        var end = RatesScenario.T0.AddDays(10);
        return at <= end || at.Year > end.Year ? at : end.AddMinutes(-random.Next(600));
    }

    private static async Task AssertEqualToRebuildAsync(LinliApp app)
    {
        var kept = await SnapshotAsync(app);
        await app.WithDbAsync(async db =>
        {
            await RollupRebuild.RebuildAsync(db, CancellationToken.None);
            return 0;
        });
        var rebuilt = await SnapshotAsync(app);
        Assert.True(kept.Count > 0);
        Assert.Equal(rebuilt.Count, kept.Count);
        Assert.Equal(rebuilt, kept);
    }

    /// <summary>Every non-zero row of both tables, as text, in key order.</summary>
    private static Task<List<string>> SnapshotAsync(LinliApp app) => app.WithDbAsync(async db =>
    {
        var counters = (await db.CaseRollups.AsNoTracking().ToListAsync())
            .Select(r => (Key: $"{r.NodePath} {r.Day} {r.CategoryId}", Values: Counts(r)))
            .Where(r => r.Values.Any(v => v != 0))
            .Select(r => $"{r.Key}: {string.Join(",", r.Values)}");
        var durations = (await db.CaseDurationRollups.AsNoTracking().ToListAsync())
            .Where(r => r.Cases != 0 || r.TotalMilliseconds != 0)
            .Select(r => $"{r.NodePath} {r.Day} {r.Kind} {r.Bucket}: {r.Cases} {r.TotalMilliseconds}");
        return counters.Concat(durations).Order(StringComparer.Ordinal).ToList();
    });

    private static int[] Counts(CaseRollup r) =>
    [
        r.ReportedNew, r.ReportedDispatched, r.ReportedAccepted, r.ReportedInProgress, r.ReportedResolved, r.ReportedVerified, r.ReportedClosed,
        r.ReportedReturned, r.ReportedReopened, r.ReportedCancelled, r.ReportedDuplicate, r.RespondedInTime, r.RespondMissed, r.ResolvedInTime,
        r.ResolveMissed, r.ResolvedLate, r.Rated, r.Satisfied, r.SaidSolved,
    ];
}
