using Linli.Web.Data;
using Linli.Web.Features.Cases;
using Linli.Web.Features.Tree;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Rates;

/// <summary>The three rates and what surrounds them, for a scope and a period; the API and the dashboard both read these.</summary>
public static class RatesQueries
{
    private const string WithheldCode = "sensitive";

    public static async Task<RatesReport> ReportAsync(LinliDb db, RateScope scope, RatePeriod period, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (from, until) = (period.From, period.EndAt(now));
        var cases = CasesIn(db, scope);
        var tally = (await RateTallies.CountAsync(cases, scope.NodePath?.Length ?? 0, from, until, cancellationToken)).SingleOrDefault() ?? RateTally.Empty("");

        var counted = cases.Where(c => c.State != CaseState.Cancelled && c.State != CaseState.Duplicate);
        var toRespond = await MedianMinutesAsync(
            counted.Where(c => c.RespondedAt >= from && c.RespondedAt < until).Select(c => new Span(c.ReportedAt, c.RespondedAt!.Value)), cancellationToken);
        var toClose = await MedianMinutesAsync(
            counted.Where(c => c.ClosedAt >= from && c.ClosedAt < until).Select(c => new Span(c.ReportedAt, c.ClosedAt!.Value)), cancellationToken);

        var reported = cases.Where(c => c.ReportedAt >= from && c.ReportedAt < until);
        var states = await reported.GroupBy(c => c.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(s => s.Key, s => s.Count, cancellationToken);
        var byState = Enum.GetValues<CaseState>().Select(s => new StateCount(s.ToString(), states.GetValueOrDefault(s))).ToList();
        var byCategory = await ByCategoryAsync(db, reported, scope.BreaksDownSensitive, cancellationToken);

        return new RatesReport(
            scope.Node, scope.Department, new PeriodDto(period.From, period.To, until), tally.Reported, tally.Open,
            tally.Response, tally.Resolution, tally.OnTime, tally.Satisfaction, tally.ReporterSaidSolved, toRespond, toClose,
            byState, byCategory, scope.BreaksDownSensitive, RateDefinitions.English);
    }

    /// <summary>The node's children side by side, best first by <paramref name="sort"/>; children without cases due come last, unranked.</summary>
    public static async Task<ChildrenReport> ChildrenAsync(LinliDb db, RateScope scope, RatePeriod period, DateTimeOffset now, RankBy sort, CancellationToken cancellationToken)
    {
        var until = period.EndAt(now);
        var parentCode = scope.Node!.Code;
        var children = await db.Nodes.AsNoTracking().Where(n => n.Parent!.Code == parentCode && n.Kind <= NodeKind.Grid).OrderBy(n => n.Code)
            .Select(n => new { n.Code, n.Kind, n.Name, n.NameEn, n.Path }).ToListAsync(cancellationToken);

        // Codes of one kind have one length, so this is one grouped query; a hand-made tree with mixed lengths costs one per length.
        var tallies = new Dictionary<string, RateTally>(StringComparer.Ordinal);
        foreach (var length in children.Select(c => c.Path.Length).Distinct())
        {
            foreach (var tally in await RateTallies.CountAsync(CasesIn(db, scope), length, period.From, until, cancellationToken))
            {
                tallies[tally.Key] = tally;
            }
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

    private static async Task<List<CategoryCount>> ByCategoryAsync(LinliDb db, IQueryable<Case> reported, bool breakDownSensitive, CancellationToken cancellationToken)
    {
        var counts = await reported.GroupBy(c => c.CategoryId)
            .Select(g => new { CategoryId = g.Key, Count = g.Count(), Open = g.Count(c => c.State != CaseState.Closed && c.State != CaseState.Cancelled && c.State != CaseState.Duplicate) })
            .ToListAsync(cancellationToken);
        var categories = await db.CaseCategories.AsNoTracking().Select(c => new { c.Id, c.Code, c.Name, c.NameEn, c.IsSensitive }).ToDictionaryAsync(c => c.Id, cancellationToken);

        var rows = new List<CategoryCount>();
        var (withheld, withheldOpen) = (0, 0);
        foreach (var count in counts)
        {
            var category = categories[count.CategoryId];
            if (category.IsSensitive && !breakDownSensitive)
            {
                (withheld, withheldOpen) = (withheld + count.Count, withheldOpen + count.Open);
                continue;
            }

            rows.Add(new CategoryCount(category.Code, category.Name, category.NameEn, count.Count, count.Open));
        }

        rows.Sort((a, b) => b.Count != a.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Code, b.Code));
        if (withheld > 0)
        {
            rows.Add(new CategoryCount(WithheldCode, "敏感类别（小范围内不分列）", "Sensitive categories (not broken down for small areas)", withheld, withheldOpen, Withheld: true));
        }

        return rows;
    }

    /// <summary>Only the two timestamps travel, so a long period of a whole city stays a small read; the median is taken here.</summary>
    private static async Task<MedianFigure> MedianMinutesAsync(IQueryable<Span> spans, CancellationToken cancellationToken)
    {
        var minutes = new List<double>();
        await foreach (var span in spans.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            minutes.Add((span.End - span.Start).TotalMinutes);
        }

        if (minutes.Count == 0)
        {
            return new MedianFigure(null, 0);
        }

        minutes.Sort();
        var middle = minutes.Count / 2;
        var median = minutes.Count % 2 == 1 ? minutes[middle] : (minutes[middle - 1] + minutes[middle]) / 2;
        return new MedianFigure(Math.Round(median, 1), minutes.Count);
    }

    private sealed record Span(DateTimeOffset Start, DateTimeOffset End);
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
