using Linli.Web.Data;
using Linli.Web.Features.Cases;
using Linli.Web.Features.Rates;
using Linli.Web.Features.Tree;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Exports;

/// <summary>
/// The rows of an export, read in pages by case number so a million rows never sit in memory. Case rows carry no
/// reporter (name, contact, account) and no description for sensitive categories.
/// </summary>
public static class ExportRows
{
    public static readonly string[] CaseColumns =
    [
        "number", "category_code", "category_name", "state", "grid_code", "reported_at", "dispatched_at", "responded_at", "resolved_at", "closed_at",
        "respond_by", "resolve_by", "escalation_level", "rating_stars", "rating_solved", "description",
    ];

    public static readonly string[] RateColumns =
    [
        "section", "code", "name", "name_en", "kind", "rank", "reported", "open", "response_rate", "response_on_time", "response_due",
        "resolution_rate", "resolved", "resolution_due", "on_time_rate", "satisfaction_rate", "satisfied", "ratings", "score",
    ];

    public static string[] Columns(ExportDataset dataset) => dataset == ExportDataset.Cases ? CaseColumns : RateColumns;

    public static Task<int> CountAsync(LinliDb db, ExportFilters filters, CancellationToken cancellationToken) =>
        filters.Dataset == ExportDataset.Cases ? Cases(db, filters).CountAsync(cancellationToken) : Task.FromResult(0);

    /// <summary>Every row, in pages of <paramref name="pageSize"/>; after each page <paramref name="progress"/> hears the rows so far.</summary>
    public static async IAsyncEnumerable<object?[]> ReadAsync(
        LinliDb db, ExportFilters filters, DateTimeOffset now, int pageSize, Func<int, Task>? progress,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (filters.Dataset == ExportDataset.Rates)
        {
            foreach (var row in await RatesAsync(db, filters, now, cancellationToken))
            {
                yield return row;
            }

            yield break;
        }

        var (after, done) = (0L, 0);
        while (true)
        {
            var last = after;
            var page = await Cases(db, filters).Where(c => c.Id > last).OrderBy(c => c.Id).Take(pageSize)
                .Select(c => new CaseRow(
                    c.Id, c.Category!.Code, c.Category.Name, c.State, c.GridNode!.Code, c.ReportedAt, c.DispatchedAt, c.RespondedAt, c.ResolvedAt, c.ClosedAt,
                    c.RespondBy, c.ResolveBy, c.EscalationLevel, c.RatingStars, c.RatingSolved, c.Category.IsSensitive ? null : c.Description))
                .ToListAsync(cancellationToken);
            foreach (var c in page)
            {
                yield return
                [
                    c.Number, c.CategoryCode, c.CategoryName, c.State.ToString(), c.GridCode, c.ReportedAt, c.DispatchedAt, c.RespondedAt, c.ResolvedAt, c.ClosedAt,
                    c.RespondBy, c.ResolveBy, c.EscalationLevel, c.RatingStars, c.RatingSolved, c.Description,
                ];
            }

            done += page.Count;
            if (progress is not null)
            {
                await progress(done);
            }

            if (page.Count < pageSize)
            {
                yield break;
            }

            after = page[^1].Number;
        }
    }

    private static IQueryable<Case> Cases(LinliDb db, ExportFilters filters)
    {
        var (path, from, to) = (filters.NodePath, filters.Period.From, filters.Period.To);
        var cases = db.Cases.AsNoTracking().Where(c => c.GridPath.StartsWith(path) && c.ReportedAt >= from && c.ReportedAt < to);
        if (filters.CategoryId is { } category)
        {
            cases = cases.Where(c => c.CategoryId == category);
        }

        if (filters.State is { } state)
        {
            cases = cases.Where(c => c.State == state);
        }

        return cases;
    }

    /// <summary>The dashboard's two tables in one: the children ranked, then the cases by category (for staff: not suppressed).</summary>
    private static async Task<List<object?[]>> RatesAsync(LinliDb db, ExportFilters filters, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (scope, _, _) = await RateScopes.ResolveAsync(db, filters.NodeCode, null, cancellationToken);
        var rows = new List<object?[]>();
        var report = await RatesQueries.ReportAsync(db, scope!, filters.Period, now, cancellationToken);
        var node = report.Node!;
        rows.Add(RateRow("area", node, null, report.Reported, report.Open, report.Response, report.Resolution, report.OnTime, report.Satisfaction, null));
        if (filters.NodeKind < NodeKind.Grid)
        {
            var children = await RatesQueries.ChildrenAsync(db, scope!, filters.Period, now, RankBy.Score, cancellationToken);
            rows.AddRange(children.Children.Select(c => RateRow("child", c.Node, c.Rank, c.Reported, c.Open, c.Response, c.Resolution, c.OnTime, c.Satisfaction, c.Score)));
        }

        rows.AddRange(report.ByCategory.Select(c => new object?[]
        {
            "category", c.Code, c.Name, c.NameEn, null, null, c.Count, c.Open, null, null, null, null, null, null, null, null, null, null, null,
        }));
        return rows;
    }

    private static object?[] RateRow(string section, NodeRefDto node, int? rank, int reported, int open, RateFigure response, RateFigure resolution, RateFigure onTime, RateFigure satisfaction, double? score) =>
    [
        section, node.Code, node.Name, node.NameEn, node.Kind, rank, reported, open,
        response.Rate, response.Numerator, response.Denominator, resolution.Rate, resolution.Numerator, resolution.Denominator,
        onTime.Rate, satisfaction.Rate, satisfaction.Numerator, satisfaction.Denominator, score,
    ];

    private sealed record CaseRow(
        long Number, string CategoryCode, string CategoryName, CaseState State, string GridCode, DateTimeOffset ReportedAt, DateTimeOffset? DispatchedAt,
        DateTimeOffset? RespondedAt, DateTimeOffset? ResolvedAt, DateTimeOffset? ClosedAt, DateTimeOffset RespondBy, DateTimeOffset ResolveBy,
        int EscalationLevel, int? RatingStars, bool? RatingSolved, string? Description);
}
