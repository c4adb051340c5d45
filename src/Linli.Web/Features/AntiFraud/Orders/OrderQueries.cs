using System.Globalization;
using Linli.Web.Data;
using Linli.Web.Features.Audit;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.AntiFraud.Orders;

public enum OrderListState
{
    Open,
    Closed,
    All,
}

/// <summary>The reads of dissuasion orders: lists without personal fields, and one order in full, audited.</summary>
public sealed class OrderQueries(LinliDb db, OrderAccess access, AuditLog audit, TimeProvider clock)
{
    public const string RecordType = "DissuasionOrder";

    /// <summary>The orders the signed-in person may see, open ones first, overdue first, then by deadline.</summary>
    public async Task<IReadOnlyList<OrderListItem>> ListAsync(OrderListState state, int take, CancellationToken cancellationToken = default)
    {
        var (handlerPaths, supervisorPaths, partnerIds) = await access.ScopesAsync(cancellationToken);
        var found = new Dictionary<long, OrderListItem>();
        var now = clock.GetUtcNow();
        foreach (var path in handlerPaths)
        {
            await AddAsync(found, Filter(state).Where(o => o.CommunityPath.StartsWith(path)), now, take, cancellationToken);
        }

        foreach (var path in supervisorPaths)
        {
            await AddAsync(found, Filter(state).Where(o => o.EscalationLevel > 0 && o.CommunityPath.StartsWith(path)), now, take, cancellationToken);
        }

        if (partnerIds.Count > 0)
        {
            await AddAsync(found, Filter(state).Where(o => partnerIds.Contains(o.PartnerId) &&
                db.AllianceMemberships.Any(m => m.PartnerId == o.PartnerId && m.CommunityNodeId == o.CommunityNodeId)), now, take, cancellationToken);
        }

        return [.. found.Values
            .OrderBy(o => o.State == nameof(DissuasionState.Closed))
            .ThenByDescending(o => o.Overdue)
            .ThenBy(o => o.State == nameof(DissuasionState.Closed) ? DateTimeOffset.MaxValue : o.DueAt)
            .ThenByDescending(o => o.RaisedAt)
            .Take(take)];
    }

    /// <summary>
    /// One order with the person's fields, for someone who may see it (403 otherwise, 404 when there is none); the read is
    /// recorded in the audit log with the capacity it was made in.
    /// </summary>
    public async Task<OrderDetail?> GetAsync(long number, CancellationToken cancellationToken = default)
    {
        var order = await db.DissuasionOrders.AsNoTracking().Include(o => o.Events).Include(o => o.Community).Include(o => o.Partner)
            .AsSplitQuery().FirstOrDefaultAsync(o => o.Id == number, cancellationToken);
        if (order is null)
        {
            return null;
        }

        var viewer = await access.ViewerAsync(new OrderScope(order.CommunityPath, order.CommunityNodeId, order.EscalationLevel, order.PartnerId), cancellationToken);
        if (!viewer.MaySee)
        {
            throw new DomainRuleException("number", $"Dissuasion order #{number} is not for you: only its community's handlers, escalation supervisors and the partner that raised it see it.", StatusCodes.Status403Forbidden);
        }

        await audit.RecordReadsAsync(viewer.Purpose, [new AuditedRecord(RecordType, number.ToString(CultureInfo.InvariantCulture), null, order.CommunityPath)], cancellationToken);
        var now = clock.GetUtcNow();
        var staffView = viewer.MayAct;
        return new OrderDetail(
            order.Id, order.Risk.ToString(), order.State.ToString(), order.Community!.Code, order.Community.Name, order.Community.NameEn, order.Partner!.Name,
            order.RaisedByName, order.RaisedAt, order.DueAt, IsOverdue(order.State, order.DueAt, now), order.EscalationLevel, order.EscalatedAt,
            order.ErasedAt is null ? new OrderPerson(order.PersonName, order.Phone, order.UnitCode, order.Address, order.Seen) : null,
            order.AmountAtRisk, staffView && order.IsRepeatTarget,
            order.Outcome is { } outcome
                ? new OrderVisit(outcome.ToString(), order.MoneyProtected, staffView ? order.Advice : null, (order.FollowUp ?? FollowUpKind.None).ToString(), order.FollowUpOn, order.VisitedAt!.Value, staffView ? order.VisitedByName : null)
                : null,
            order.ClosedAt is { } closedAt ? new OrderClosing(closedAt, staffView ? order.ClosedByName : null, staffView ? order.CloseNote : null) : null,
            order.ErasedAt, viewer.ActingAs, AllowedActions(viewer, order.State),
            [.. order.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new OrderEventView(
                e.At, e.Kind.ToString(), staffView ? e.ActorName : null, staffView ? e.ActorRole : null, e.Outcome?.ToString(), e.EscalatedTo))]);
    }

    public static bool IsOverdue(DissuasionState state, DateTimeOffset dueAt, DateTimeOffset now) => state == DissuasionState.Open && dueAt < now;

    public static IReadOnlyList<string> AllowedActions(OrderViewer viewer, DissuasionState state) => !viewer.MayAct ? [] : state switch
    {
        DissuasionState.Open => ["visit"],
        DissuasionState.Visited => ["visit", "close"],
        _ => [],
    };

    private IQueryable<DissuasionOrder> Filter(OrderListState state) => state switch
    {
        OrderListState.Open => db.DissuasionOrders.AsNoTracking().Where(o => o.State != DissuasionState.Closed),
        OrderListState.Closed => db.DissuasionOrders.AsNoTracking().Where(o => o.State == DissuasionState.Closed),
        _ => db.DissuasionOrders.AsNoTracking(),
    };

    private static async Task AddAsync(Dictionary<long, OrderListItem> found, IQueryable<DissuasionOrder> query, DateTimeOffset now, int take, CancellationToken cancellationToken)
    {
        // Open orders nearest their deadline first, then the newest closed ones.
        var rows = await query.OrderBy(o => o.State == DissuasionState.Closed).ThenBy(o => o.DueAt).Take(take)
            .Select(o => new
            {
                o.Id, o.Risk, o.State, o.Community!.Code, o.Community.Name, o.Community.NameEn, PartnerName = o.Partner!.Name,
                o.RaisedAt, o.DueAt, o.EscalationLevel, o.Outcome,
            })
            .ToListAsync(cancellationToken);
        foreach (var o in rows)
        {
            found.TryAdd(o.Id, new OrderListItem(o.Id, o.Risk.ToString(), o.State.ToString(), o.Code, o.Name, o.NameEn, o.PartnerName,
                o.RaisedAt, o.DueAt, IsOverdue(o.State, o.DueAt, now), o.EscalationLevel, o.Outcome?.ToString()));
        }
    }
}
