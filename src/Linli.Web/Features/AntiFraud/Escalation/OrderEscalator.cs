using Linli.Web.Data;
using Linli.Web.Features.AntiFraud.Orders;
using Linli.Web.Features.Cases.Escalation;
using Linli.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.AntiFraud.Escalation;

/// <summary>
/// Raises dissuasion orders nobody has visited by their deadline, as cases are raised: once the deadline passes the
/// order goes to its street (level 1), and when the risk's limit elapses again to its district (level 2, the top).
/// Each raise is one conditional UPDATE on level and version, with its events and the street staff's emails in the
/// same transaction, so overlapping runs (or a run and a visit) cannot both move an order.
/// </summary>
public sealed partial class OrderEscalator(LinliDb db, JobLeases leases, TimeProvider clock, IOptions<AntiFraudOptions> options, ILogger<OrderEscalator> logger)
{
    public const string LeaseName = "dissuasion-escalation";
    public const int MaxLevel = 2;
    private const int PageSize = 200;

    /// <summary>A run as the loop makes it: only while this instance holds the lease. Returns the orders raised.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var lease = TimeSpan.FromSeconds(options.Value.EscalationIntervalSeconds * 3);
        return await leases.TryAcquireAsync(LeaseName, lease, cancellationToken) ? await EscalateOverdueAsync(cancellationToken) : 0;
    }

    public async Task<int> EscalateOverdueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var raised = 0;
        long after = 0;
        while (true)
        {
            var page = await db.DissuasionOrders.AsNoTracking()
                .Where(o => o.Id > after && o.State == DissuasionState.Open && o.DueAt < now && o.EscalationLevel < MaxLevel)
                .OrderBy(o => o.Id).Take(PageSize)
                .Select(o => new Overdue(o.Id, o.Risk, o.DueAt, o.EscalationLevel, o.Version, o.CommunityPath))
                .ToListAsync(cancellationToken);
            foreach (var order in page)
            {
                var target = LevelAt(order.DueAt, options.Value.LimitFor(order.Risk), now);
                if (target > order.EscalationLevel && await TryRaiseAsync(order, target, now, cancellationToken))
                {
                    raised++;
                }
            }

            if (page.Count < PageSize)
            {
                return raised;
            }

            after = page[^1].Id;
        }
    }

    /// <summary>The case rule (<see cref="EscalationRule.LevelAt"/>) with the community as the handlers' own level, so level 1 is the street.</summary>
    public static int LevelAt(DateTimeOffset due, TimeSpan limit, DateTimeOffset now) => Math.Min(MaxLevel, EscalationRule.LevelAt(due, limit, now));

    /// <summary>The node a level raises an order to: 1 its street, 2 its district.</summary>
    public static string NodeCodeFor(string communityPath, int level) => EscalationRule.NodeCodeFor(communityPath, level);

    private sealed record Overdue(long Id, FraudRisk Risk, DateTimeOffset DueAt, int EscalationLevel, int Version, string CommunityPath);

    private async Task<bool> TryRaiseAsync(Overdue order, int target, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var moved = await db.DissuasionOrders
                .Where(o => o.Id == order.Id && o.Version == order.Version && o.EscalationLevel == order.EscalationLevel && o.State == DissuasionState.Open)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(o => o.EscalationLevel, target)
                    .SetProperty(o => o.EscalatedAt, now)
                    .SetProperty(o => o.Version, o => o.Version + 1), cancellationToken);
            if (moved == 0)
            {
                // Visited, or raised by another run, since it was read; the next run looks again.
                return false;
            }

            for (var level = order.EscalationLevel + 1; level <= target; level++)
            {
                db.DissuasionEvents.Add(new DissuasionEvent
                {
                    OrderId = order.Id, At = now, Kind = DissuasionEventKind.Escalated, ActorRole = "system", EscalatedTo = NodeCodeFor(order.CommunityPath, level),
                });
            }

            var code = NodeCodeFor(order.CommunityPath, target);
            var node = await db.Nodes.AsNoTracking().Where(n => n.Code == code).Select(n => new { n.Id, n.Name }).FirstAsync(cancellationToken);
            db.Outbox.AddRange(await AntiFraudNotices.EscalatedAsync(db, order.Id, order.Risk, node.Id, node.Name, order.DueAt, now, cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogRaised(logger, order.Id, target, code);
            return true;
        }
        catch (DbUpdateException e)
        {
            LogRaiseFailed(logger, e, order.Id);
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dissuasion order #{OrderId} is overdue: escalated to level {Level} ({NodeCode}).")]
    private static partial void LogRaised(ILogger logger, long orderId, int level, string nodeCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not escalate dissuasion order #{OrderId}; the next run tries again.")]
    private static partial void LogRaiseFailed(ILogger logger, Exception exception, long orderId);
}
