using Linli.Web.Data;
using Linli.Web.Features.AntiFraud.Alliance;
using Linli.Web.Features.AntiFraud.Orders;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.AntiFraud.Stats;

/// <summary>One community's figures over the weeks asked for. Counts only: no names, phones or addresses.</summary>
public sealed record CommunityWeekly(
    string Code, string Name, string? NameEn, IReadOnlyList<int> Orders, int ThisWeekSoFar, int ChangeFromPreviousWeek, string Trend,
    long MoneyProtected, int Dissuaded, int RepeatTargets, int AwarenessEvents, int Attendance);

public sealed record WeeklyStats(
    string NodeCode, string NodeName, string? NodeNameEn, IReadOnlyList<DateOnly> WeekStarts, DateOnly ThisWeekStart,
    IReadOnlyList<CommunityWeekly> Communities, CommunityWeekly Total, IReadOnlyList<AwarenessEventView> Events);

/// <summary>
/// The alliance's weekly figures for the communities under a node: dissuasion orders per complete week (Monday to
/// Sunday, China time) and this week so far, the trend (last complete week against the one before), money protected,
/// orders that ended dissuaded, repeat targets (orders whose person matched an earlier order in the community, a
/// count and never a list), and awareness events with their attendance.
/// </summary>
public sealed class AntiFraudStats(LinliDb db, AllianceMembers alliance, TimeProvider clock)
{
    public const int MaxWeeks = 52;

    public async Task<WeeklyStats> WeeklyAsync(string nodeCode, int weeks, CancellationToken cancellationToken = default)
    {
        var node = await alliance.ManagedNodeAsync(nodeCode, "node", cancellationToken);
        var now = clock.GetUtcNow();
        var thisWeek = ChinaCalendar.WeekStart(ChinaCalendar.Today(now));
        var first = thisWeek.AddDays(-7 * weeks);
        var from = ChinaCalendar.StartOf(first);
        var starts = Enumerable.Range(0, weeks).Select(w => first.AddDays(7 * w)).ToList();

        var communities = await db.Nodes.AsNoTracking().Where(n => n.Kind == NodeKind.Community && n.Path.StartsWith(node.Path)).OrderBy(n => n.Code)
            .Select(n => new { n.Id, n.Code, n.Name, n.NameEn }).ToListAsync(cancellationToken);
        var orders = await db.DissuasionOrders.AsNoTracking().Where(o => o.CommunityPath.StartsWith(node.Path) && o.RaisedAt >= from)
            .Select(o => new OrderFigures(o.CommunityNodeId, o.RaisedAt, o.MoneyProtected, o.IsRepeatTarget, o.Outcome)).ToListAsync(cancellationToken);
        var events = await db.AwarenessEvents.AsNoTracking().Where(e => e.CommunityPath.StartsWith(node.Path) && e.Date >= first)
            .OrderByDescending(e => e.Date).ThenBy(e => e.Id)
            .Select(e => new { e.Id, e.CommunityNodeId, e.Title, e.Date, e.Place, e.Attendance }).ToListAsync(cancellationToken);
        var codes = communities.ToDictionary(c => c.Id, c => c.Code);

        var rows = communities.Select(c => Figures(c.Code, c.Name, c.NameEn, orders.Where(o => o.CommunityId == c.Id).ToList(),
            events.Where(e => e.CommunityNodeId == c.Id).Select(e => e.Attendance).ToList(), starts, thisWeek)).ToList();
        var total = Figures(node.Code, node.Name, node.NameEn, orders, [.. events.Select(e => e.Attendance)], starts, thisWeek);
        return new WeeklyStats(node.Code, node.Name, node.NameEn, starts, thisWeek, rows, total,
            [.. events.Select(e => new AwarenessEventView(e.Id, codes.GetValueOrDefault(e.CommunityNodeId, ""), e.Title, e.Date, e.Place, e.Attendance))]);
    }

    private sealed record OrderFigures(int CommunityId, DateTimeOffset RaisedAt, long? MoneyProtected, bool IsRepeatTarget, VisitOutcome? Outcome);

    private static CommunityWeekly Figures(
        string code, string name, string? nameEn, List<OrderFigures> orders, List<int> attendance, List<DateOnly> starts, DateOnly thisWeek)
    {
        var perWeek = starts.Select(s => orders.Count(o => o.RaisedAt >= ChinaCalendar.StartOf(s) && o.RaisedAt < ChinaCalendar.StartOf(s.AddDays(7)))).ToList();
        var change = perWeek.Count >= 2 ? perWeek[^1] - perWeek[^2] : 0;
        return new CommunityWeekly(
            code, name, nameEn, perWeek, orders.Count(o => o.RaisedAt >= ChinaCalendar.StartOf(thisWeek)), change,
            change > 0 ? "up" : change < 0 ? "down" : "flat",
            orders.Sum(o => o.MoneyProtected ?? 0), orders.Count(o => o.Outcome == VisitOutcome.Dissuaded), orders.Count(o => o.IsRepeatTarget),
            attendance.Count, attendance.Sum());
    }
}
