using System.Globalization;
using Linli.Web.Components;
using Linli.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.SafetyTips;

/// <summary>
/// The public monthly counts of tips per district and per volunteer association (China time): live tips plus the tallies
/// retention left of deleted ones. Counts only — no kind, no place below the district, nothing a tip says.
/// </summary>
public sealed class TipStatistics(LinliDb db, TimeProvider clock)
{
    public const int MaxMonths = 24;

    public async Task<TipStats> MonthlyAsync(int months, CancellationToken cancellationToken)
    {
        var local = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Display.ChinaTime);
        var firstLocal = new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(1 - months);
        var first = new DateTimeOffset(firstLocal, Display.ChinaTime.GetUtcOffset(firstLocal)).ToUniversalTime();
        var labels = Enumerable.Range(0, months).Select(i => firstLocal.AddMonths(i).ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToList();
        var firstLabel = labels[0];

        var live = await db.SafetyTips.AsNoTracking().Where(t => t.SubmittedAt >= first)
            .Select(t => new { t.SubmittedAt, t.DistrictNodeId, t.VolunteerAssociationId }).ToListAsync(cancellationToken);
        var rows = live.Select(t => (Month: TipRetention.MonthOf(t.SubmittedAt), District: t.DistrictNodeId, Association: t.VolunteerAssociationId ?? 0, Count: 1)).ToList();
        // The tallies are a few rows per month and district: filtered here, where "yyyy-MM" compares as text.
        rows.AddRange((await db.SafetyTipTallies.AsNoTracking().ToListAsync(cancellationToken))
            .Where(x => string.CompareOrdinal(x.Month, firstLabel) >= 0)
            .Select(x => (x.Month, District: x.DistrictNodeId, Association: x.AssociationId, x.Count)));

        var districtIds = rows.Select(r => r.District).Distinct().ToList();
        var districts = await db.Nodes.AsNoTracking().Where(n => districtIds.Contains(n.Id))
            .Select(n => new { n.Id, n.Code, n.Name, n.NameEn }).ToListAsync(cancellationToken);
        var associationIds = rows.Select(r => r.Association).Where(a => a != 0).Distinct().ToList();
        var associations = await db.VolunteerAssociations.AsNoTracking().Where(a => associationIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken);

        IReadOnlyList<int> Counts(IEnumerable<(string Month, int District, int Association, int Count)> of)
        {
            var byMonth = of.GroupBy(r => r.Month).ToDictionary(g => g.Key, g => g.Sum(r => r.Count), StringComparer.Ordinal);
            return [.. labels.Select(m => byMonth.GetValueOrDefault(m))];
        }

        return new TipStats(
            labels,
            Counts(rows),
            [.. districts.OrderBy(d => d.Code).Select(d => Row(d.Code, d.Name, d.NameEn, Counts(rows.Where(r => r.District == d.Id))))],
            [.. associations.OrderBy(a => a.Name, StringComparer.Ordinal)
                .Select(a => Row(a.Id.ToString(CultureInfo.InvariantCulture), a.Name, null, Counts(rows.Where(r => r.Association == a.Id))))]);
    }

    private static TipStatsRow Row(string key, string name, string? nameEn, IReadOnlyList<int> counts) => new(key, name, nameEn, counts, counts.Sum());
}
