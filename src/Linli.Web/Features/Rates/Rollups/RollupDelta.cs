using Linli.Web.Features.Cases;
using Linli.Web.Infrastructure.Time;

namespace Linli.Web.Features.Rates.Rollups;

/// <summary>The columns of a case that its roll-up contributions depend on, and nothing else (never "now").</summary>
public sealed record CaseFacts(
    string GridPath,
    int CategoryId,
    CaseState State,
    DateTimeOffset ReportedAt,
    DateTimeOffset? RespondedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset RespondBy,
    DateTimeOffset ResolveBy,
    int? RatingStars,
    bool? RatingSolved,
    DateTimeOffset? RatedAt)
{
    public static CaseFacts Of(Case c) => new(
        c.GridPath, c.CategoryId, c.State, c.ReportedAt, c.RespondedAt, c.ResolvedAt, c.ClosedAt, c.RespondBy, c.ResolveBy, c.RatingStars, c.RatingSolved, c.RatedAt);

}

/// <summary>The counters of <see cref="CaseRollup"/>, in column order.</summary>
public static class RollupCounters
{
    public static readonly int States = Enum.GetValues<CaseState>().Length;
    public static readonly int RespondedInTime = States;
    public static readonly int RespondMissed = States + 1;
    public static readonly int ResolvedInTime = States + 2;
    public static readonly int ResolveMissed = States + 3;
    public static readonly int ResolvedLate = States + 4;
    public static readonly int Rated = States + 5;
    public static readonly int Satisfied = States + 6;
    public static readonly int SaidSolved = States + 7;
    public static readonly int Count = States + 8;

    public static readonly string[] Columns =
    [
        .. Enum.GetValues<CaseState>().Select(s => "Reported" + s),
        nameof(CaseRollup.RespondedInTime), nameof(CaseRollup.RespondMissed), nameof(CaseRollup.ResolvedInTime), nameof(CaseRollup.ResolveMissed),
        nameof(CaseRollup.ResolvedLate), nameof(CaseRollup.Rated), nameof(CaseRollup.Satisfied), nameof(CaseRollup.SaidSolved),
    ];

    public static int Reported(CaseState state) => (int)state;
}

/// <summary>
/// A change to the roll-ups: what cases contribute, added or taken away. A case's contribution depends only on its own
/// columns (<see cref="CaseFacts"/>), so a change is contribution(after) − contribution(before), at every level of its grid path.
/// </summary>
public sealed class RollupDelta
{
    public Dictionary<(string Path, int Day, int CategoryId), int[]> Counters { get; } = [];

    public Dictionary<(string Path, int Day, DurationKind Kind, int Bucket), (int Cases, long Milliseconds)> Durations { get; } = [];

    public bool IsEmpty => Counters.Values.All(v => v.All(n => n == 0)) && Durations.Values.All(d => d.Cases == 0 && d.Milliseconds == 0);

    public void Add(CaseFacts c, int sign)
    {
        var levels = Levels(c.GridPath);
        void Count(DateTimeOffset at, int counter)
        {
            var day = Day(at);
            foreach (var path in levels)
            {
                var key = (path, day, c.CategoryId);
                if (!Counters.TryGetValue(key, out var row))
                {
                    Counters[key] = row = new int[RollupCounters.Count];
                }

                row[counter] += sign;
            }
        }

        void Duration(DurationKind kind, DateTimeOffset at)
        {
            var milliseconds = DurationBuckets.Milliseconds(c.ReportedAt, at);
            var (day, bucket) = (Day(at), DurationBuckets.Of(milliseconds));
            foreach (var path in levels)
            {
                var key = (path, day, kind, bucket);
                var (cases, total) = Durations.GetValueOrDefault(key);
                Durations[key] = (cases + sign, total + sign * milliseconds);
            }
        }

        Count(c.ReportedAt, RollupCounters.Reported(c.State));
        if (c.RatingStars is not null && c.RatedAt is { } rated)
        {
            Count(rated, RollupCounters.Rated);
            if (c.RatingStars >= 4)
            {
                Count(rated, RollupCounters.Satisfied);
            }

            if (c.RatingSolved == true)
            {
                Count(rated, RollupCounters.SaidSolved);
            }
        }

        // Cancelled and merged cases leave every rate and median.
        if (c.State is CaseState.Cancelled or CaseState.Duplicate)
        {
            return;
        }

        if (c.RespondedAt is { } responded && responded <= c.RespondBy)
        {
            Count(responded, RollupCounters.RespondedInTime);
        }
        else
        {
            Count(c.RespondBy, RollupCounters.RespondMissed);
        }

        if (c.ResolvedAt is { } resolved && resolved <= c.ResolveBy)
        {
            Count(resolved, RollupCounters.ResolvedInTime);
        }
        else
        {
            Count(c.ResolveBy, RollupCounters.ResolveMissed);
            if (c.ResolvedAt is not null)
            {
                Count(c.ResolveBy, RollupCounters.ResolvedLate);
            }
        }

        if (c.RespondedAt is { } respondedAt)
        {
            Duration(DurationKind.ToRespond, respondedAt);
        }

        if (c.ClosedAt is { } closedAt)
        {
            Duration(DurationKind.ToClose, closedAt);
        }
    }

    public static int Day(DateTimeOffset at) => ChinaCalendar.DayOf(at).DayNumber;

    /// <summary>Every prefix of a grid path that is a node's path: "/a/", "/a/b/", …, the grid's own.</summary>
    public static List<string> Levels(string gridPath)
    {
        var levels = new List<string>();
        for (var i = gridPath.IndexOf('/', 1); i > 0; i = gridPath.IndexOf('/', i + 1))
        {
            levels.Add(gridPath[..(i + 1)]);
        }

        return levels;
    }
}
