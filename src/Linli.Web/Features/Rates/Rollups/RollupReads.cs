using Linli.Web.Data;
using Linli.Web.Features.Cases;
using Linli.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Rates.Rollups;

/// <summary>
/// The days of the roll-ups a period covers. Only periods of whole China days can be read from them: one that starts at
/// a China midnight and ends at one, or now. Ending now, the roll-ups hold today's limits that have not passed yet;
/// <see cref="RollupReads.PendingAsync"/> finds those to take away, from the raw cases by the deadline indexes.
/// </summary>
public sealed record RollupDays(int First, int Last, DateTimeOffset? Now, DateTimeOffset EndOfLastDay)
{
    public static RollupDays? For(RatePeriod period, DateTimeOffset now)
    {
        var first = ChinaCalendar.DayOf(period.From);
        if (ChinaCalendar.Midnight(first) != period.From || period.EndAt(now) <= period.From)
        {
            return null;
        }

        if (period.To <= now)
        {
            var end = ChinaCalendar.DayOf(period.To);
            return ChinaCalendar.Midnight(end) == period.To ? new RollupDays(first.DayNumber, end.DayNumber - 1, null, period.To) : null;
        }

        // Events (reports, answers, ratings) are stamped by the clock, so none lies after now; only limits do.
        var today = ChinaCalendar.DayOf(now);
        return new RollupDays(first.DayNumber, today.DayNumber, now.ToUniversalTime(), ChinaCalendar.StartOf(today.AddDays(1)));
    }
}

public static class RollupReads
{
    /// <summary>Counts by category and state and the due/met counts, summed over the days, for one node.</summary>
    public static Task<List<CategoryRollup>> ByCategoryAsync(LinliDb db, string path, RollupDays days, CancellationToken cancellationToken) =>
        db.CaseRollups.AsNoTracking().Where(r => r.NodePath == path && r.Day >= days.First && r.Day <= days.Last)
            .GroupBy(r => r.CategoryId)
            .Select(g => new CategoryRollup(g.Key, new[]
            {
                g.Sum(r => r.ReportedNew), g.Sum(r => r.ReportedDispatched), g.Sum(r => r.ReportedAccepted), g.Sum(r => r.ReportedInProgress),
                g.Sum(r => r.ReportedResolved), g.Sum(r => r.ReportedVerified), g.Sum(r => r.ReportedClosed), g.Sum(r => r.ReportedReturned),
                g.Sum(r => r.ReportedReopened), g.Sum(r => r.ReportedCancelled), g.Sum(r => r.ReportedDuplicate),
                g.Sum(r => r.RespondedInTime), g.Sum(r => r.RespondMissed), g.Sum(r => r.ResolvedInTime), g.Sum(r => r.ResolveMissed),
                g.Sum(r => r.ResolvedLate), g.Sum(r => r.Rated), g.Sum(r => r.Satisfied), g.Sum(r => r.SaidSolved),
            }))
            .ToListAsync(cancellationToken);

    /// <summary>The same counts per node for several nodes (a node's children), all categories together.</summary>
    public static Task<List<CategoryRollup>> ByNodeAsync(LinliDb db, IReadOnlyCollection<string> paths, RollupDays days, CancellationToken cancellationToken) =>
        db.CaseRollups.AsNoTracking().Where(r => paths.Contains(r.NodePath) && r.Day >= days.First && r.Day <= days.Last)
            .GroupBy(r => r.NodePath)
            .Select(g => new CategoryRollup(0, new[]
            {
                g.Sum(r => r.ReportedNew), g.Sum(r => r.ReportedDispatched), g.Sum(r => r.ReportedAccepted), g.Sum(r => r.ReportedInProgress),
                g.Sum(r => r.ReportedResolved), g.Sum(r => r.ReportedVerified), g.Sum(r => r.ReportedClosed), g.Sum(r => r.ReportedReturned),
                g.Sum(r => r.ReportedReopened), g.Sum(r => r.ReportedCancelled), g.Sum(r => r.ReportedDuplicate),
                g.Sum(r => r.RespondedInTime), g.Sum(r => r.RespondMissed), g.Sum(r => r.ResolvedInTime), g.Sum(r => r.ResolveMissed),
                g.Sum(r => r.ResolvedLate), g.Sum(r => r.Rated), g.Sum(r => r.Satisfied), g.Sum(r => r.SaidSolved),
            }) { NodePath = g.Key })
            .ToListAsync(cancellationToken);

    public static async Task<(MedianFigure Respond, MedianFigure Close)> MediansAsync(LinliDb db, string path, RollupDays days, CancellationToken cancellationToken)
    {
        var rows = await db.CaseDurationRollups.AsNoTracking().Where(r => r.NodePath == path && r.Day >= days.First && r.Day <= days.Last)
            .GroupBy(r => new { r.Kind, r.Bucket })
            .Select(g => new { g.Key.Kind, g.Key.Bucket, Cases = g.Sum(r => r.Cases), Total = g.Sum(r => r.TotalMilliseconds) })
            .ToListAsync(cancellationToken);
        MedianFigure Of(DurationKind kind) => DurationBuckets.Median(rows.Where(r => r.Kind == kind).Select(r => (r.Bucket, r.Cases, r.Total)));
        return (Of(DurationKind.ToRespond), Of(DurationKind.ToClose));
    }

    /// <summary>
    /// Limits that fall later today (at or after now): the roll-ups count them as missed on today's row already, the rates
    /// must not yet. Grouped by the first <paramref name="keyLength"/> characters of the grid path, like <see cref="RateTallies"/>.
    /// </summary>
    public static async Task<Dictionary<string, RateTally>> PendingAsync(LinliDb db, string path, int keyLength, RollupDays days, CancellationToken cancellationToken)
    {
        if (days.Now is not { } now)
        {
            return [];
        }

        var end = days.EndOfLastDay;
        var rows = await db.Cases.AsNoTracking()
            .Where(c => c.GridPath.StartsWith(path) && c.State != CaseState.Cancelled && c.State != CaseState.Duplicate
                && ((c.RespondBy >= now && c.RespondBy < end && (c.RespondedAt == null || c.RespondedAt > c.RespondBy))
                    || (c.ResolveBy >= now && c.ResolveBy < end && (c.ResolvedAt == null || c.ResolvedAt > c.ResolveBy))))
            .GroupBy(c => c.GridPath.Substring(0, keyLength))
            .Select(g => new RateTally(
                g.Key, 0, 0, 0,
                g.Count(c => c.RespondBy >= now && c.RespondBy < end && (c.RespondedAt == null || c.RespondedAt > c.RespondBy)),
                0,
                g.Count(c => c.ResolveBy >= now && c.ResolveBy < end && (c.ResolvedAt == null || c.ResolvedAt > c.ResolveBy)),
                g.Count(c => c.ResolveBy >= now && c.ResolveBy < end && c.ResolvedAt != null && c.ResolvedAt > c.ResolveBy),
                0, 0, 0))
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Key, StringComparer.Ordinal);
    }

    /// <summary>The tally the roll-up counts give, less what is still pending today.</summary>
    public static RateTally Tally(string key, IEnumerable<int[]> counts, RateTally? pending)
    {
        var sum = new int[RollupCounters.Count];
        foreach (var row in counts)
        {
            for (var i = 0; i < sum.Length; i++)
            {
                sum[i] += row[i];
            }
        }

        var open = Enum.GetValues<CaseState>().Where(s => s is not (CaseState.Closed or CaseState.Cancelled or CaseState.Duplicate)).Sum(s => sum[RollupCounters.Reported(s)]);
        return new RateTally(
            key,
            sum[..RollupCounters.States].Sum(),
            open,
            sum[RollupCounters.RespondedInTime],
            sum[RollupCounters.RespondMissed] - (pending?.RespondMissed ?? 0),
            sum[RollupCounters.ResolvedInTime],
            sum[RollupCounters.ResolveMissed] - (pending?.ResolveMissed ?? 0),
            sum[RollupCounters.ResolvedLate] - (pending?.ResolvedLate ?? 0),
            sum[RollupCounters.Rated],
            sum[RollupCounters.Satisfied],
            sum[RollupCounters.SaidSolved]);
    }
}

/// <summary>Roll-up counts summed for a category (or, with <see cref="NodePath"/>, a node), indexed as <see cref="RollupCounters"/>.</summary>
public sealed record CategoryRollup(int CategoryId, int[] Counts)
{
    public string NodePath { get; init; } = "";
}
