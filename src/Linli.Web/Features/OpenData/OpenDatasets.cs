using Linli.Web.Data;
using Linli.Web.Features.Rates;
using Linli.Web.Features.Tree;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.OpenData;

/// <summary>
/// The published tables. Both are built from <see cref="RatesQueries"/> month by month, so they agree with the
/// dashboards, and are suppressed as whole tables (cells with their row and column totals) before they leave.
/// </summary>
public static class OpenDatasets
{
    public const string CasesByCategory = "cases-by-category";
    public const string RatesByArea = "rates-by-area";

    public static readonly string[] Names = [CasesByCategory, RatesByArea];

    public const string All = "_all";

    /// <summary>
    /// A public scope: an area at community level or above. Below it a count by category would point at a handful of
    /// buildings, and a sensitive category at a household.
    /// </summary>
    public static async Task<(RateScope? Scope, string Error)> ScopeAsync(LinliDb db, string? nodeCode, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(nodeCode))
        {
            return (null, "node is required: a tree code of a community or a larger area");
        }

        var (scope, _, error) = await RateScopes.ResolveAsync(db, nodeCode, null, cancellationToken);
        if (scope is null)
        {
            return (null, error);
        }

        return NodeKinds.TryParse(scope.Node!.Kind, out var kind) && kind <= RateScopes.SmallestAreaForSensitive
            ? (scope, "")
            : (null, "open data stops at community level: choose a community or a larger area");
    }

    public static async Task<OpenTable> CasesByCategoryAsync(LinliDb db, RateScope scope, MonthRange range, int threshold, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var months = range.Months().ToList();
        var perMonth = new List<IReadOnlyList<CategoryCount>>();
        foreach (var month in months)
        {
            perMonth.Add((await RatesQueries.ReportAsync(db, scope, MonthRange.PeriodOf(month), now, cancellationToken)).ByCategory);
        }

        var sensitive = await db.CaseCategories.AsNoTracking().Where(c => c.IsSensitive).Select(c => c.Code).ToListAsync(cancellationToken);
        var categories = perMonth.SelectMany(m => m).GroupBy(c => c.Code).Select(g => g.First()).OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
        var counts = new int[categories.Count, months.Count];
        for (var m = 0; m < months.Count; m++)
        {
            foreach (var count in perMonth[m])
            {
                counts[categories.FindIndex(c => c.Code == count.Code), m] = count.Count;
            }
        }

        var hidden = Suppression.Apply(counts, threshold);
        var all = Totals(counts);
        var (rowsTotal, monthsTotal) = (categories.Count, months.Count);
        object?[] Row(int r, int m)
        {
            var label = m == monthsTotal ? All : MonthRange.Label(months[m]);
            var (code, name, nameEn, isSensitive) = r == rowsTotal
                ? (All, "全部类别", "All categories", false)
                : (categories[r].Code, categories[r].Name, categories[r].NameEn ?? "", sensitive.Contains(categories[r].Code) || categories[r].Withheld);
            return [label, code, name, nameEn, isSensitive, hidden[r, m] ? null : all[r, m]];
        }

        var rows = new List<object?[]>();
        for (var m = 0; m <= monthsTotal; m++)
        {
            for (var r = 0; r <= rowsTotal; r++)
            {
                rows.Add(Row(r, m));
            }
        }

        return new OpenTable(CasesByCategory, scope.Node!.Code, MonthRange.Label(range.First), MonthRange.Label(range.Last), threshold,
            [new("month", OpenColumnKind.Text), new("category_code", OpenColumnKind.Text), new("category_name", OpenColumnKind.Text),
             new("category_name_en", OpenColumnKind.Text), new("sensitive", OpenColumnKind.Flag), new("reported", OpenColumnKind.Count)],
            rows);
    }

    public static async Task<OpenTable> RatesByAreaAsync(LinliDb db, RateScope scope, MonthRange range, int threshold, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var months = range.Months().ToList();
        var node = scope.Node!;
        var isCommunity = node.Kind == RateScopes.SmallestAreaForSensitive.ToWire();
        var perMonth = new List<IReadOnlyList<AreaMonth>>();
        foreach (var month in months)
        {
            var period = MonthRange.PeriodOf(month);
            if (isCommunity)
            {
                // Below a community are grids: the community itself is the one area published.
                var r = await RatesQueries.ReportAsync(db, scope, period, now, cancellationToken);
                perMonth.Add([new AreaMonth(node, r.Reported, r.Response, r.Resolution, r.Satisfaction)]);
            }
            else
            {
                var children = await RatesQueries.ChildrenAsync(db, scope, period, now, RankBy.Score, cancellationToken);
                perMonth.Add([.. children.Children.OrderBy(c => c.Node.Code, StringComparer.Ordinal).Select(c => new AreaMonth(c.Node, c.Reported, c.Response, c.Resolution, c.Satisfaction))]);
            }
        }

        var areas = perMonth.SelectMany(m => m).Select(a => a.Node).DistinctBy(n => n.Code).OrderBy(n => n.Code, StringComparer.Ordinal).ToList();
        AreaMonth? At(int a, int m) => perMonth[m].FirstOrDefault(x => x.Node.Code == areas[a].Code);

        // Every published count is additive over areas and months, so each gets its own suppressed table.
        Func<AreaMonth, RateFigure?>[] figures = [_ => null, x => x.Response, x => x.Resolution, x => x.Satisfaction];
        var tables = figures.Select((figure, f) =>
        {
            var counts = new int[areas.Count, months.Count];
            var numerators = new int[areas.Count + 1, months.Count + 1];
            for (var a = 0; a < areas.Count; a++)
            {
                for (var m = 0; m < months.Count; m++)
                {
                    var x = At(a, m);
                    counts[a, m] = x is null ? 0 : f == 0 ? x.Reported : figure(x)!.Denominator;
                    var numerator = x is null || f == 0 ? 0 : figure(x)!.Numerator;
                    numerators[a, m] += numerator;
                    numerators[a, months.Count] += numerator;
                    numerators[areas.Count, m] += numerator;
                    numerators[areas.Count, months.Count] += numerator;
                }
            }

            return new Figure(Totals(counts), numerators, Suppression.Apply(counts, threshold));
        }).ToArray();

        var rows = new List<object?[]>();
        var areaRows = isCommunity ? 1 : areas.Count + 1;
        for (var m = 0; m <= months.Count; m++)
        {
            for (var a = 0; a < areaRows; a++)
            {
                var area = a < areas.Count ? areas[a] : node;
                var row = new List<object?> { m == months.Count ? All : MonthRange.Label(months[m]), area.Code, area.Name, area.NameEn ?? "", area.Kind };
                row.Add(tables[0].Hidden[a, m] ? null : tables[0].Counts[a, m]);
                foreach (var figure in tables[1..])
                {
                    var (due, hidden) = (figure.Counts[a, m], figure.Hidden[a, m]);
                    row.Add(hidden ? null : due);
                    row.Add(hidden || due == 0 ? null : (double)figure.Numerators[a, m] / due);
                }

                rows.Add([.. row]);
            }
        }

        return new OpenTable(RatesByArea, node.Code, MonthRange.Label(range.First), MonthRange.Label(range.Last), threshold,
            [new("month", OpenColumnKind.Text), new("area_code", OpenColumnKind.Text), new("area_name", OpenColumnKind.Text), new("area_name_en", OpenColumnKind.Text),
             new("area_kind", OpenColumnKind.Text), new("reported", OpenColumnKind.Count),
             new("response_due", OpenColumnKind.Count), new("response_rate", OpenColumnKind.Rate),
             new("resolution_due", OpenColumnKind.Count), new("resolution_rate", OpenColumnKind.Rate),
             new("satisfaction_ratings", OpenColumnKind.Count), new("satisfaction_rate", OpenColumnKind.Rate)],
            rows);
    }

    /// <summary>The counts with a totals row and column added.</summary>
    private static int[,] Totals(int[,] counts)
    {
        var (rows, columns) = (counts.GetLength(0), counts.GetLength(1));
        var all = new int[rows + 1, columns + 1];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                all[r, c] = counts[r, c];
                all[r, columns] += counts[r, c];
                all[rows, c] += counts[r, c];
                all[rows, columns] += counts[r, c];
            }
        }

        return all;
    }

    private sealed record AreaMonth(NodeRefDto Node, int Reported, RateFigure Response, RateFigure Resolution, RateFigure Satisfaction);

    private sealed record Figure(int[,] Counts, int[,] Numerators, bool[,] Hidden);
}
