using System.Globalization;
using System.Text.RegularExpressions;
using Linli.Web.Data;
using Linli.Web.Infrastructure.Problems;
using Linli.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Surveys;

/// <summary>
/// The quarterly "sense of security" (安全感) and "satisfaction" (满意度) indices of an area and its child areas, from
/// the answers to 1–5 scale questions tagged with what they measure, in closed surveys, answered in the quarter by
/// residents whose household is in the area: index = (mean − 1) / 4 × 100, with the number of answers; not shown
/// under <see cref="SurveyRules.SmallestShownCount"/> answers.
/// </summary>
public sealed partial class SurveyIndices(LinliDb db, TimeProvider clock)
{
    public const string Method =
        "指数 = (标记题1–5分的平均分 − 1) ÷ 4 × 100；只计已结束问卷中该季度、住户在该区域的回答；少于5个回答不显示。 " +
        "Index = (mean of the tagged 1–5 answers − 1) ÷ 4 × 100, over answers given in the quarter to closed surveys by residents whose household is in the area; not shown under 5 answers.";

    public async Task<IndicesDto> ForAsync(string? nodeCode, string? quarter, CancellationToken cancellationToken)
    {
        var code = FieldRules.Text("node", nodeCode, 40, required: true)!;
        var node = await db.Nodes.AsNoTracking().Where(n => n.Code == code).Select(n => new { n.Id, n.Code, n.Name, n.Path }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainRuleException("node", $"unknown node '{code}'");
        var now = clock.GetUtcNow();
        var (label, from, to) = Quarter(quarter, ChinaCalendar.Today(now));
        var rows = await db.SurveyAnswers.AsNoTracking()
            .Join(db.SurveyQuestions.Where(q => q.Tag != IndexTag.None), a => a.QuestionId, q => q.Id, (a, q) => new { a.ResponseId, a.Value, q.Tag, q.SurveyId })
            .Join(db.SurveyResponses.Where(r => r.Day >= from && r.Day <= to && r.AreaPath.StartsWith(node.Path)), x => x.ResponseId, r => r.Id, (x, r) => new { x.Value, x.Tag, x.SurveyId, r.AreaPath })
            .Where(x => x.Value != null && db.Surveys.Any(s => s.Id == x.SurveyId && s.PublishedAt != null && s.ClosesAt <= now))
            .Select(x => new { Value = x.Value!.Value, x.Tag, x.AreaPath })
            .ToListAsync(cancellationToken);
        var areas = await db.Nodes.AsNoTracking().Where(n => n.Id == node.Id || n.ParentId == node.Id)
            .OrderBy(n => n.Path.Length).ThenBy(n => n.Code).Select(n => new { n.Code, n.Name, n.Path }).ToListAsync(cancellationToken);
        return new IndicesDto(node.Code, node.Name, label, from, to, [.. areas.Select(a =>
        {
            var inArea = rows.Where(r => r.AreaPath.StartsWith(a.Path, StringComparison.Ordinal)).ToList();
            return new AreaIndexDto(a.Code, a.Name,
                Figure([.. inArea.Where(r => r.Tag == IndexTag.SenseOfSecurity).Select(r => r.Value)]),
                Figure([.. inArea.Where(r => r.Tag == IndexTag.Satisfaction).Select(r => r.Value)]));
        })], Method);
    }

    public static IndexFigure Figure(IReadOnlyList<int> values) =>
        values.Count < SurveyRules.SmallestShownCount
            ? new IndexFigure(null, null, Suppressed: true)
            : new IndexFigure(values.Count, Math.Round((values.Average() - 1) / 4 * 100, 1), Suppressed: false);

    /// <summary>"2026-Q3" → its first and last China day; blank means the current quarter.</summary>
    public static (string Label, DateOnly From, DateOnly To) Quarter(string? value, DateOnly today)
    {
        int year, q;
        if (string.IsNullOrWhiteSpace(value))
        {
            (year, q) = (today.Year, (today.Month + 2) / 3);
        }
        else if (QuarterPattern().Match(value.Trim()) is { Success: true } m)
        {
            (year, q) = (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        }
        else
        {
            throw new DomainRuleException("quarter", "quarter is like 2026-Q3");
        }

        var from = new DateOnly(year, (q * 3) - 2, 1);
        return ($"{year}-Q{q}", from, from.AddMonths(3).AddDays(-1));
    }

    [GeneratedRegex(@"^(20[0-9]{2})-[Qq]([1-4])$")]
    private static partial Regex QuarterPattern();
}
