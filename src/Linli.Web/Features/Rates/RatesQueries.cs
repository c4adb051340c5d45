using Linli.Web.Data;
using Linli.Web.Features.Cases;
using Linli.Web.Features.Rates.Rollups;
using Linli.Web.Features.Tree;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Rates;

/// <summary>The three rates and what surrounds them, for a scope and a period; the API and the dashboard both read these.</summary>
public static class RatesQueries
{
    private const string WithheldCode = "sensitive";

    // Kinds are stored by name, so "Kind <= Grid" in SQL would compare names ("Street" > "Grid"): list them instead.
    private static readonly NodeKind[] AreasWithFigures = [NodeKind.City, NodeKind.District, NodeKind.Street, NodeKind.Community, NodeKind.Grid];

    /// <summary>
    /// Read from the roll-ups when the scope is a node alone and the period is made of whole China days (ending at a
    /// midnight or now); otherwise, and for departments, counted from the cases.
    /// </summary>
    public static Task<RatesReport> ReportAsync(LinliDb db, RateScope scope, RatePeriod period, DateTimeOffset now, CancellationToken cancellationToken) =>
        ReportAsync(db, scope, period, now, useRollups: true, cancellationToken);

    /// <summary>The same report always counted from the cases themselves: the reference the roll-ups are checked and timed against.</summary>
    public static Task<RatesReport> ReportFromCasesAsync(LinliDb db, RateScope scope, RatePeriod period, DateTimeOffset now, CancellationToken cancellationToken) =>
        ReportAsync(db, scope, period, now, useRollups: false, cancellationToken);

    /// <summary>The ranking of children, from the roll-ups when <see cref="ReportAsync(LinliDb, RateScope, RatePeriod, DateTimeOffset, CancellationToken)"/> would use them.</summary>
    public static Task<ChildrenReport> ChildrenAsync(LinliDb db, RateScope scope, RatePeriod period, DateTimeOffset now, RankBy sort, CancellationToken cancellationToken) =>
        ChildrenAsync(db, scope, period, now, sort, useRollups: true, cancellationToken);

    /// <summary>The ranking of children counted from the cases themselves.</summary>
    public static Task<ChildrenReport> ChildrenFromCasesAsync(LinliDb db, RateScope scope, RatePeriod period, DateTimeOffset now, RankBy sort, CancellationToken cancellationToken) =>
        ChildrenAsync(db, scope, period, now, sort, useRollups: false, cancellationToken);

    private static async Task<RatesReport> ReportAsync(LinliDb db, RateScope scope, RatePeriod period, DateTimeOffset now, bool useRollups, CancellationToken cancellationToken)
    {
        var (from, until) = (period.From, period.EndAt(now));
        if (useRollups && scope.DepartmentId is null && scope.NodePath is { } path && RollupDays.For(period, now) is { } days)
        {
            return await ReportFromRollupsAsync(db, scope, period, path, days, until, cancellationToken);
        }

        var cases = CasesIn(db, scope);
        var tally = (await RateTallies.CountAsync(cases, scope.NodePath?.Length ?? 0, from, until, cancellationToken)).SingleOrDefault() ?? RateTally.Empty("");

        var (toRespond, toClose) = await MediansAsync(cases, from, until, cancellationToken);

        // One grouped read gives both breakdowns: at most categories × states rows.
        var groups = await cases.Where(c => c.ReportedAt >= from && c.ReportedAt < until)
            .GroupBy(c => new { c.CategoryId, c.State }).Select(g => new StateInCategory(g.Key.CategoryId, g.Key.State, g.Count()))
            .ToListAsync(cancellationToken);
        return await ReportAsync(db, scope, period, until, tally, toRespond, toClose, groups, cancellationToken);
    }

    /// <summary>
    /// The same report from the roll-ups: one grouped read of the node's rows for the period's days, one of its duration
    /// histograms, and, for a period ending now, the limits later today that have not passed yet.
    /// </summary>
    private static async Task<RatesReport> ReportFromRollupsAsync(
        LinliDb db, RateScope scope, RatePeriod period, string path, RollupDays days, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var categories = await RollupReads.ByCategoryAsync(db, path, days, cancellationToken);
        var pending = await RollupReads.PendingAsync(db, path, path.Length, days, cancellationToken);
        var tally = RollupReads.Tally(path, categories.Select(c => c.Counts), pending.GetValueOrDefault(path));
        var (toRespond, toClose) = await RollupReads.MediansAsync(db, path, days, cancellationToken);
        var groups = categories
            .SelectMany(c => Enum.GetValues<CaseState>().Select(s => new StateInCategory(c.CategoryId, s, c.Counts[RollupCounters.Reported(s)])))
            .Where(g => g.Count > 0).ToList();
        return await ReportAsync(db, scope, period, until, tally, toRespond, toClose, groups, cancellationToken);
    }

    private static async Task<RatesReport> ReportAsync(
        LinliDb db, RateScope scope, RatePeriod period, DateTimeOffset until, RateTally tally, MedianFigure toRespond, MedianFigure toClose,
        List<StateInCategory> groups, CancellationToken cancellationToken)
    {
        var byState = Enum.GetValues<CaseState>().Select(s => new StateCount(s.ToString(), groups.Where(g => g.State == s).Sum(g => g.Count))).ToList();
        var byCategory = await ByCategoryAsync(db, groups, scope.BreaksDownSensitive, cancellationToken);

        return new RatesReport(
            scope.Node, scope.Department, new PeriodDto(period.From, period.To, until), tally.Reported, tally.Open,
            tally.Response, tally.Resolution, tally.OnTime, tally.Satisfaction, tally.ReporterSaidSolved, toRespond, toClose,
            byState, byCategory, scope.BreaksDownSensitive, RateDefinitions.English);
    }

    /// <summary>The node's children side by side, best first by <paramref name="sort"/>; children without cases due come last, unranked.</summary>
    private static async Task<ChildrenReport> ChildrenAsync(LinliDb db, RateScope scope, RatePeriod period, DateTimeOffset now, RankBy sort, bool useRollups, CancellationToken cancellationToken)
    {
        var until = period.EndAt(now);
        var parentCode = scope.Node!.Code;
        var children = await db.Nodes.AsNoTracking().Where(n => n.Parent!.Code == parentCode && AreasWithFigures.Contains(n.Kind)).OrderBy(n => n.Code)
            .Select(n => new { n.Code, n.Kind, n.Name, n.NameEn, n.Path }).ToListAsync(cancellationToken);

        // Codes of one kind have one length, so this is one grouped query; a hand-made tree with mixed lengths costs one per length.
        var tallies = new Dictionary<string, RateTally>(StringComparer.Ordinal);
        if (useRollups && scope.DepartmentId is null && RollupDays.For(period, now) is { } days)
        {
            // Each child's own rows; what is pending later today is grouped by child like the raw count.
            var childRows = (await RollupReads.ByNodeAsync(db, [.. children.Select(c => c.Path)], days, cancellationToken)).ToDictionary(r => r.NodePath, StringComparer.Ordinal);
            var pending = new Dictionary<string, RateTally>(StringComparer.Ordinal);
            foreach (var length in children.Select(c => c.Path.Length).Distinct())
            {
                foreach (var (key, tally) in await RollupReads.PendingAsync(db, scope.NodePath!, length, days, cancellationToken))
                {
                    pending[key] = tally;
                }
            }

            foreach (var child in children.Where(c => childRows.ContainsKey(c.Path)))
            {
                tallies[child.Path] = RollupReads.Tally(child.Path, [childRows[child.Path].Counts], pending.GetValueOrDefault(child.Path));
            }
        }
        else
        {
            await CountChildrenAsync(db, scope, period.From, until, children.Select(c => c.Path.Length).Distinct(), tallies, cancellationToken);
        }

        var rows = children.Select(c =>
        {
            var t = tallies.GetValueOrDefault(c.Path) ?? RateTally.Empty(c.Path);
            return new ChildRates(null, new NodeRefDto(c.Code, c.Kind.ToWire(), c.Name, c.NameEn), t.Reported, t.Open, t.Response, t.Resolution, t.OnTime, t.Satisfaction, Score(t));
        }).ToList();

        var ranked = rows.Where(r => RankValue(r, sort) is not null).OrderByDescending(r => RankValue(r, sort)).ThenBy(r => r.Node.Code, StringComparer.Ordinal)
            .Select((r, i) => r with { Rank = i + 1 });
        var unranked = rows.Where(r => RankValue(r, sort) is null);
        return new ChildrenReport(scope.Node!, scope.Department, new PeriodDto(period.From, period.To, until), sort.ToString(), [.. ranked, .. unranked], RateDefinitions.English);
    }

    private static async Task CountChildrenAsync(
        LinliDb db, RateScope scope, DateTimeOffset from, DateTimeOffset until, IEnumerable<int> lengths, Dictionary<string, RateTally> tallies, CancellationToken cancellationToken)
    {
        foreach (var length in lengths)
        {
            foreach (var tally in await RateTallies.CountAsync(CasesIn(db, scope), length, from, until, cancellationToken))
            {
                tallies[tally.Key] = tally;
            }
        }
    }

    private static double? Score(RateTally t)
    {
        double?[] rates = [t.Response.Rate, t.Resolution.Rate, t.Satisfaction.Rate];
        var known = rates.OfType<double>().ToList();
        return known.Count == 0 ? null : known.Average();
    }

    private static double? RankValue(ChildRates row, RankBy sort) => sort switch
    {
        RankBy.Response => row.Response.Rate,
        RankBy.Resolution => row.Resolution.Rate,
        RankBy.Satisfaction => row.Satisfaction.Rate,
        RankBy.OnTime => row.OnTime.Rate,
        _ => row.Score,
    };

    private static IQueryable<Case> CasesIn(LinliDb db, RateScope scope)
    {
        var cases = db.Cases.AsNoTracking();
        if (scope.NodePath is { } path)
        {
            cases = cases.Where(c => c.GridPath.StartsWith(path));
        }

        if (scope.DepartmentId is { } department)
        {
            cases = cases.Where(c => c.AssignedDepartmentId == department);
        }

        return cases;
    }

    private static async Task<List<CategoryCount>> ByCategoryAsync(LinliDb db, List<StateInCategory> groups, bool breakDownSensitive, CancellationToken cancellationToken)
    {
        var categories = await db.CaseCategories.AsNoTracking().Select(c => new { c.Id, c.Code, c.Name, c.NameEn, c.IsSensitive }).ToDictionaryAsync(c => c.Id, cancellationToken);
        var rows = new List<CategoryCount>();
        var (withheld, withheldOpen) = (0, 0);
        foreach (var category in groups.GroupBy(g => g.CategoryId))
        {
            var (count, open) = (category.Sum(g => g.Count), category.Where(g => IsOpen(g.State)).Sum(g => g.Count));
            var c = categories[category.Key];
            if (c.IsSensitive && !breakDownSensitive)
            {
                (withheld, withheldOpen) = (withheld + count, withheldOpen + open);
                continue;
            }

            rows.Add(new CategoryCount(c.Code, c.Name, c.NameEn, count, open));
        }

        rows.Sort((a, b) => b.Count != a.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Code, b.Code));
        if (withheld > 0)
        {
            rows.Add(new CategoryCount(WithheldCode, "敏感类别（小范围内不分列）", "Sensitive categories (not broken down for small areas)", withheld, withheldOpen, Withheld: true));
        }

        return rows;
    }

    private static bool IsOpen(CaseState state) => state is not (CaseState.Closed or CaseState.Cancelled or CaseState.Duplicate);

    /// <summary>
    /// Medians from report to acceptance (cases accepted in the period) and to closing (closed in the period). Only
    /// three timestamps per case travel, in one read, so a long period of a whole city stays small; the medians are taken here.
    /// </summary>
    private static async Task<(MedianFigure Respond, MedianFigure Close)> MediansAsync(IQueryable<Case> cases, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var (respond, close) = (new List<double>(), new List<double>());
        var spans = cases
            .Where(c => c.State != CaseState.Cancelled && c.State != CaseState.Duplicate
                && ((c.RespondedAt >= from && c.RespondedAt < until) || (c.ClosedAt >= from && c.ClosedAt < until)))
            .Select(c => new Span(c.ReportedAt, c.RespondedAt, c.ClosedAt));
        await foreach (var span in spans.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (span.RespondedAt is { } responded && responded >= from && responded < until)
            {
                respond.Add((responded - span.ReportedAt).TotalMinutes);
            }

            if (span.ClosedAt is { } closed && closed >= from && closed < until)
            {
                close.Add((closed - span.ReportedAt).TotalMinutes);
            }
        }

        return (Median(respond), Median(close));
    }

    private static MedianFigure Median(List<double> minutes)
    {
        if (minutes.Count == 0)
        {
            return new MedianFigure(null, 0);
        }

        minutes.Sort();
        var middle = minutes.Count / 2;
        var median = minutes.Count % 2 == 1 ? minutes[middle] : (minutes[middle - 1] + minutes[middle]) / 2;
        return new MedianFigure(Math.Round(median, 1), minutes.Count);
    }

    private sealed record StateInCategory(int CategoryId, CaseState State, int Count);

    private sealed record Span(DateTimeOffset ReportedAt, DateTimeOffset? RespondedAt, DateTimeOffset? ClosedAt);
}

/// <summary>What the ranking of children orders by.</summary>
public enum RankBy
{
    Score,
    Response,
    Resolution,
    Satisfaction,
    OnTime,
}
