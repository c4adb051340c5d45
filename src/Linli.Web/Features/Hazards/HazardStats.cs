using System.Globalization;
using Linli.Web.Components;
using Linli.Web.Data;
using Linli.Web.Features.Cases.Intake;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Hazards;

public enum HazardPeriodKind
{
    Month,
    Quarter,
    Year,
}

/// <summary>A calendar month, quarter or year in China time, half-open [From, To).</summary>
public sealed record HazardPeriod(HazardPeriodKind Kind, string Label, DateTimeOffset From, DateTimeOffset To);

public sealed record HazardCount(string Key, int Found, int Eliminated);

public sealed record HazardAreaCount(string Code, string Name, string? NameEn, string Kind, int Found, int Eliminated);

/// <summary>Counts only: how many hazards were found and eliminated in an area and period, by kind and by child area.</summary>
public sealed record HazardStatsView(
    string NodeCode, string NodeName, string? NodeNameEn, string NodeKind, string Period, string Label, DateTimeOffset From, DateTimeOffset To,
    int Found, int Eliminated, IReadOnlyList<HazardCount> ByKind, IReadOnlyList<HazardAreaCount> Children, int FoundAtNodeItself, int EliminatedAtNodeItself);

/// <summary>
/// The public figures: hazards found (recorded or reported, not dismissed) and eliminated in a period, at any node with
/// a row per child. Aggregates only — no point, address, description or household ever leaves here.
/// </summary>
public sealed class HazardStats(LinliDb db, TimeProvider clock)
{
    public async Task<HazardStatsView?> ForAsync(string nodeCode, string? period, string? at, CancellationToken cancellationToken = default)
    {
        var span = ParsePeriod(period, at, clock.GetUtcNow());
        var node = await db.Nodes.AsNoTracking().Where(n => n.Code == nodeCode).Select(n => new { n.Id, n.Code, n.Name, n.NameEn, n.Kind, n.Path }).FirstOrDefaultAsync(cancellationToken);
        if (node is null)
        {
            return null;
        }

        var children = await db.Nodes.AsNoTracking().Where(n => n.ParentId == node.Id).OrderBy(n => n.Code)
            .Select(n => new { n.Code, n.Name, n.NameEn, n.Kind, n.Path }).ToListAsync(cancellationToken);
        var (from, to) = (span.From, span.To);
        var found = await db.Hazards.AsNoTracking()
            .Where(h => h.NodePath.StartsWith(node.Path) && h.State != HazardState.Dismissed && h.FoundAt >= from && h.FoundAt < to)
            .Select(h => new { h.NodePath, h.Kind }).ToListAsync(cancellationToken);
        var eliminated = await db.Hazards.AsNoTracking()
            .Where(h => h.NodePath.StartsWith(node.Path) && h.EliminatedAt != null && h.EliminatedAt >= from && h.EliminatedAt < to)
            .Select(h => new { h.NodePath, h.Kind }).ToListAsync(cancellationToken);

        int Under(IEnumerable<string> paths, string prefix) => paths.Count(p => p.StartsWith(prefix, StringComparison.Ordinal));
        var foundPaths = found.Select(h => h.NodePath).ToList();
        var eliminatedPaths = eliminated.Select(h => h.NodePath).ToList();
        return new HazardStatsView(
            node.Code, node.Name, node.NameEn, node.Kind.ToString(), span.Kind.ToString().ToLowerInvariant(), span.Label, from, to,
            found.Count, eliminated.Count,
            [.. Enum.GetValues<HazardKind>().Select(k => new HazardCount(k.ToString(), found.Count(h => h.Kind == k), eliminated.Count(h => h.Kind == k)))],
            [.. children.Select(c => new HazardAreaCount(c.Code, c.Name, c.NameEn, c.Kind.ToString(), Under(foundPaths, c.Path), Under(eliminatedPaths, c.Path)))],
            foundPaths.Count(p => p == node.Path), eliminatedPaths.Count(p => p == node.Path));
    }

    /// <summary>"month" with "2026-05", "quarter" with "2026-Q2", "year" with "2026"; without <paramref name="at"/> the current one.</summary>
    public static HazardPeriod ParsePeriod(string? period, string? at, DateTimeOffset now)
    {
        var errors = new List<SubmissionError>();
        var kind = HazardChecks.Choice("period", period, required: false, HazardPeriodKind.Month, errors);
        HazardChecks.ThrowIfAny(errors);
        var today = TimeZoneInfo.ConvertTime(now, Display.ChinaTime);
        var text = at?.Trim();
        int year = today.Year, first = kind switch { HazardPeriodKind.Month => today.Month, HazardPeriodKind.Quarter => ((today.Month - 1) / 3 * 3) + 1, _ => 1 };
        if (!string.IsNullOrEmpty(text))
        {
            var ok = kind switch
            {
                HazardPeriodKind.Month => DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && Set(month.Year, month.Month),
                HazardPeriodKind.Quarter => text.Length == 7 && text[4..6].Equals("-Q", StringComparison.OrdinalIgnoreCase) && int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var y)
                    && text[6] is >= '1' and <= '4' && Set(y, ((text[6] - '1') * 3) + 1),
                _ => text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var only) && Set(only, 1),
            };
            if (!ok || year is < 2000 or > 2100)
            {
                throw new SubmissionRejectedException([new("at", kind switch
                {
                    HazardPeriodKind.Month => "at is a month, yyyy-MM (2026-05)",
                    HazardPeriodKind.Quarter => "at is a quarter, yyyy-Qn (2026-Q2)",
                    _ => "at is a year, yyyy (2026)",
                })]);
            }
        }

        var start = new DateTimeOffset(year, first, 1, 0, 0, 0, Display.ChinaTime.BaseUtcOffset);
        var end = kind switch { HazardPeriodKind.Month => start.AddMonths(1), HazardPeriodKind.Quarter => start.AddMonths(3), _ => start.AddYears(1) };
        var label = kind switch
        {
            HazardPeriodKind.Month => start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            HazardPeriodKind.Quarter => $"{year}-Q{((first - 1) / 3) + 1}",
            _ => year.ToString(CultureInfo.InvariantCulture),
        };
        return new HazardPeriod(kind, label, start.ToUniversalTime(), end.ToUniversalTime());

        bool Set(int y, int m)
        {
            year = y;
            first = m;
            return true;
        }
    }
}
