using Linli.Web.Data;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Campaigns;

/// <summary>
/// A campaign's progress at a node of its subtree, aggregates only. Above the grids every figure is summed from the
/// per-grid counters (a few thousand rows for a whole city), grouped by the children's path prefixes; at a grid or below
/// the few tasks of that grid are counted directly.
/// </summary>
public sealed class CampaignProgress(LinliDb db, CampaignQueries queries)
{
    public const int LaggingShown = 10;

    /// <summary>The path of the campaign's area (for the page's own permission checks).</summary>
    public Task<string> CampaignPathAsync(int campaignId, CancellationToken cancellationToken = default) =>
        db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId).Select(c => c.NodePath).SingleAsync(cancellationToken);

    private sealed record NodeRow(int Id, int? ParentId, string Code, string Name, string? NameEn, NodeKind Kind, string Path);

    /// <summary>Null when there is no such campaign; refused when the node is outside the caller's scope or the campaign.</summary>
    public Task<CampaignProgressView?> AtAsync(int campaignId, string? nodeCode, CancellationToken cancellationToken = default) =>
        RollUpAsync(campaignId, nodeCode, queries.EnsureMayViewAsync, cancellationToken);

    /// <summary>
    /// The roll-up itself; <paramref name="check"/> decides who may see the node (the bench, which has no caller, passes a
    /// check that allows all).
    /// </summary>
    public async Task<CampaignProgressView?> RollUpAsync(int campaignId, string? nodeCode, Func<string, CancellationToken, Task> check, CancellationToken cancellationToken = default)
    {
        var campaign = await queries.SummaryAsync(campaignId, cancellationToken);
        if (campaign is null)
        {
            return null;
        }

        var campaignPath = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId).Select(c => c.NodePath).SingleAsync(cancellationToken);
        var code = string.IsNullOrWhiteSpace(nodeCode) ? campaign.NodeCode : nodeCode.Trim();
        var node = await db.Nodes.AsNoTracking().Where(n => n.Code == code)
            .Select(n => new NodeRow(n.Id, n.ParentId, n.Code, n.Name, n.NameEn, n.Kind, n.Path)).SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainRuleException("node", $"No node has the code {code}.", StatusCodes.Status404NotFound);
        await check(node.Path, cancellationToken);
        if (!node.Path.StartsWith(campaignPath, StringComparison.Ordinal))
        {
            throw new DomainRuleException("node", "This node is outside the campaign's area.");
        }

        var children = await db.Nodes.AsNoTracking().Where(n => n.ParentId == node.Id).OrderBy(n => n.Code)
            .Select(n => new NodeRow(n.Id, n.ParentId, n.Code, n.Name, n.NameEn, n.Kind, n.Path)).ToListAsync(cancellationToken);
        var (own, perChild, lagging) = node.Kind < NodeKind.Grid
            ? await FromCountersAsync(campaignId, node, children, cancellationToken)
            : await FromTasksAsync(campaignId, node, children, cancellationToken);
        var parentCode = node.Path == campaignPath ? null : await db.Nodes.AsNoTracking().Where(n => n.Id == node.ParentId).Select(n => n.Code).SingleOrDefaultAsync(cancellationToken);
        return new CampaignProgressView(campaign, Area(node, own.Total, own.Done), parentCode, perChild, lagging);
    }

    /// <summary>Where a person's view of the campaign starts: its own area if they may see it, else the first area they hold inside it.</summary>
    public async Task<string?> StartNodeAsync(int campaignId, IReadOnlyList<Infrastructure.Auth.HeldRole> roles, CancellationToken cancellationToken = default)
    {
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId).Select(c => new { c.NodePath, c.Node!.Code }).SingleOrDefaultAsync(cancellationToken);
        if (campaign is null || roles.Any(r => r.NodePath is not null && campaign.NodePath.StartsWith(r.NodePath, StringComparison.Ordinal)))
        {
            return campaign?.Code;
        }

        return roles.Where(r => r.NodePath is not null && r.NodePath.StartsWith(campaign.NodePath, StringComparison.Ordinal)).Select(r => r.NodeCode).FirstOrDefault() ?? campaign.Code;
    }

    private async Task<((int Total, int Done) Own, List<AreaProgress> Children, List<AreaProgress> Lagging)> FromCountersAsync(
        int campaignId, NodeRow node, List<NodeRow> children, CancellationToken cancellationToken)
    {
        var rows = db.CampaignGridProgress.AsNoTracking().Where(p => p.CampaignId == campaignId && p.GridPath.StartsWith(node.Path));
        var own = await rows.GroupBy(p => 1).Select(g => new { Total = g.Sum(p => p.Total), Done = g.Sum(p => p.Done) }).SingleOrDefaultAsync(cancellationToken);

        // Children's paths usually share one length; one GROUP BY on the prefix of each length present.
        var sums = new Dictionary<string, (int Total, int Done)>(StringComparer.Ordinal);
        foreach (var length in children.Select(c => c.Path.Length).Distinct())
        {
            var grouped = await rows.GroupBy(p => p.GridPath.Substring(0, length))
                .Select(g => new { Prefix = g.Key, Total = g.Sum(p => p.Total), Done = g.Sum(p => p.Done) }).ToListAsync(cancellationToken);
            foreach (var g in grouped)
            {
                sums[g.Prefix] = (g.Total, g.Done);
            }
        }

        var perChild = children.Select(c => sums.TryGetValue(c.Path, out var s) ? Area(c, s.Total, s.Done) : Area(c, 0, 0)).ToList();
        var lagging = await rows.Where(p => p.Done < p.Total)
            .OrderBy(p => (double)p.Done / p.Total).ThenByDescending(p => p.Total - p.Done).ThenBy(p => p.GridPath).Take(LaggingShown)
            .Join(db.Nodes, p => p.GridId, n => n.Id, (p, n) => new { n.Code, n.Name, n.NameEn, p.Total, p.Done, Ratio = (double)p.Done / p.Total, Open = p.Total - p.Done, p.GridPath })
            .ToListAsync(cancellationToken);
        var laggingAreas = lagging.OrderBy(l => l.Ratio).ThenByDescending(l => l.Open).ThenBy(l => l.GridPath, StringComparer.Ordinal)
            .Select(l => new AreaProgress(l.Code, l.Name, l.NameEn, NodeKind.Grid.ToWire(), l.Total, l.Done)).ToList();
        return ((own?.Total ?? 0, own?.Done ?? 0), perChild, laggingAreas);
    }

    private async Task<((int Total, int Done) Own, List<AreaProgress> Children, List<AreaProgress> Lagging)> FromTasksAsync(
        int campaignId, NodeRow node, List<NodeRow> children, CancellationToken cancellationToken)
    {
        var gridId = node.Kind switch
        {
            NodeKind.Grid => node.Id,
            NodeKind.Building => node.ParentId ?? 0,
            _ => await db.Nodes.AsNoTracking().Where(n => n.Id == node.ParentId).Select(n => n.ParentId ?? 0).SingleOrDefaultAsync(cancellationToken),
        };
        var tasks = await db.CampaignTasks.AsNoTracking()
            .Where(t => t.CampaignId == campaignId && t.GridId == gridId && t.NodePath.StartsWith(node.Path))
            .Select(t => new { t.NodePath, t.Status }).ToListAsync(cancellationToken);
        (int, int) Count(string path)
        {
            var under = tasks.Where(t => t.NodePath.StartsWith(path, StringComparison.Ordinal)).ToList();
            return (under.Count, under.Count(t => t.Status == CampaignTaskStatus.Done));
        }

        var perChild = children.Select(c => Count(c.Path) is var (total, done) ? Area(c, total, done) : null).OfType<AreaProgress>().ToList();
        return (Count(node.Path), perChild, []);
    }

    private static AreaProgress Area(NodeRow n, int total, int done) => new(n.Code, n.Name, n.NameEn, n.Kind.ToWire(), total, done);
}
