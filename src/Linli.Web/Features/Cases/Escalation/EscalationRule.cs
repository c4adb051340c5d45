namespace Linli.Web.Features.Cases.Escalation;

/// <summary>
/// How far up the tree an overdue case has climbed. Level 0: at its handler. The moment the case's current deadline
/// (<see cref="Work.Deadlines.DueAt"/>: respond by, then resolve by) passes it is raised to level 1, its community;
/// each further time the limit behind that deadline elapses again it climbs one more: 2 its street, 3 its district,
/// where it stays. A level is never lowered, so a later deadline (resolve, after a late response) raises the case only
/// when it implies a higher level than it already has.
/// </summary>
public static class EscalationRule
{
    public const int MaxLevel = 3;

    /// <summary>The level a case with this deadline and limit should be at now.</summary>
    public static int LevelAt(DateTimeOffset due, TimeSpan limit, DateTimeOffset now)
    {
        if (now <= due)
        {
            return 0;
        }

        // A category edited to a zero limit must not escalate a case to the top at once.
        var step = Math.Max(limit.Ticks, TimeSpan.TicksPerMinute);
        return (int)Math.Min(MaxLevel, 1 + ((now - due).Ticks / step));
    }

    /// <summary>The limit behind the deadline <see cref="Work.Deadlines.DueAt"/> picks: respond before acceptance, resolve after.</summary>
    public static TimeSpan LimitFor(CaseState state, int respondWithinMinutes, int resolveWithinMinutes) =>
        TimeSpan.FromMinutes(IsAwaitingResponse(state) ? respondWithinMinutes : resolveWithinMinutes);

    public static bool IsAwaitingResponse(CaseState state) => state is CaseState.New or CaseState.Dispatched or CaseState.Returned;

    public static bool IsAwaitingResolution(CaseState state) => state is CaseState.Accepted or CaseState.InProgress or CaseState.Reopened;

    /// <summary>
    /// The node a level escalates to, read from the grid's path "/city/district/street/community/grid/": level 1 the
    /// community, 2 the street, 3 the district.
    /// </summary>
    public static string NodeCodeFor(string gridPath, int level)
    {
        var codes = gridPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return codes[Math.Max(0, codes.Length - 1 - level)];
    }
}
