using Linli.Web.Data;
using Linli.Web.Features.Campaigns;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Channels;

/// <summary>
/// The caller's channels. Channels are created on first use: when a member lists them, or opens one by its grid,
/// building or campaign. Staff above a community see the channels already in use in their subtree, not every grid's.
/// </summary>
public sealed class ChannelDirectory(LinliDb db, TimeProvider clock)
{
    private const int MaxListed = 200;

    public async Task<IReadOnlyList<ChannelSummary>> ListAsync(ChannelCaller caller, CancellationToken cancellationToken = default)
    {
        var wanted = new List<(ChannelKind Kind, int NodeId, string Path, int? CampaignId)>();
        var existingUnder = new List<string>();
        foreach (var role in caller.Roles)
        {
            var node = await db.Nodes.AsNoTracking().Where(n => n.Path == role.NodePath).Select(n => new { n.Id, n.Kind, n.Path, n.ParentId }).FirstAsync(cancellationToken);
            if (node.Kind >= NodeKind.Grid)
            {
                var above = ChannelMembership.PathsAbove(node.Path);
                var places = await db.Nodes.AsNoTracking().Where(n => above.Contains(n.Path) && (n.Kind == NodeKind.Grid || n.Kind == NodeKind.Building))
                    .Select(n => new { n.Id, n.Kind, n.Path }).ToListAsync(cancellationToken);
                wanted.AddRange(places.Select(p => (KindOf(p.Kind), p.Id, p.Path, (int?)null)));
                if (node.Kind == NodeKind.Grid)
                {
                    var buildings = await db.Nodes.AsNoTracking().Where(n => n.ParentId == node.Id && n.Kind == NodeKind.Building)
                        .Select(n => new { n.Id, n.Path }).ToListAsync(cancellationToken);
                    wanted.AddRange(buildings.Select(b => (ChannelKind.Building, b.Id, b.Path, (int?)null)));
                }
            }
            else if (node.Kind == NodeKind.Community)
            {
                var grids = await db.Nodes.AsNoTracking().Where(n => n.ParentId == node.Id && n.Kind == NodeKind.Grid)
                    .Select(n => new { n.Id, n.Path }).ToListAsync(cancellationToken);
                wanted.AddRange(grids.Select(g => (ChannelKind.Grid, g.Id, g.Path, (int?)null)));
            }
            else
            {
                existingUnder.Add(node.Path);
            }
        }

        wanted.AddRange(await CampaignChannelsAsync(caller, cancellationToken));
        var ids = await EnsureAsync(wanted, cancellationToken);
        foreach (var path in existingUnder.Distinct())
        {
            ids.AddRange(await db.Channels.AsNoTracking().Where(c => c.NodePath.StartsWith(path) && c.Kind != ChannelKind.Campaign)
                .OrderByDescending(c => c.Id).Take(MaxListed).Select(c => c.Id).ToListAsync(cancellationToken));
        }

        return await SummariesAsync(caller.UserId, [.. ids.Distinct()], cancellationToken);
    }

    /// <summary>Opens (creating on first use) the channel of a grid, a building or a campaign, for a member only.</summary>
    public async Task<ChannelSummary> OpenAsync(ChannelCaller caller, OpenChannelRequest request, CancellationToken cancellationToken = default)
    {
        (ChannelKind Kind, int NodeId, string Path, int? CampaignId) wanted;
        if (request.CampaignId is { } campaignId)
        {
            var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId).Select(c => new { c.NodeId, c.NodePath }).FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainRuleException("campaignId", $"No campaign {campaignId}.", StatusCodes.Status404NotFound);
            wanted = (ChannelKind.Campaign, campaign.NodeId, campaign.NodePath, campaignId);
        }
        else
        {
            var code = FieldRules.Text("nodeCode", request.NodeCode, 40, required: true)!;
            var node = await db.Nodes.AsNoTracking().Where(n => n.Code == code).Select(n => new { n.Id, n.Kind, n.Path }).FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainRuleException("nodeCode", $"No place has the code {code}.", StatusCodes.Status404NotFound);
            if (node.Kind is not (NodeKind.Grid or NodeKind.Building))
            {
                throw new DomainRuleException("nodeCode", "Channels belong to grids and buildings (or campaigns).");
            }

            wanted = (KindOf(node.Kind), node.Id, node.Path, null);
        }

        if (!caller.Roles.Any(r => ChannelMembership.MayUse(r, wanted.Kind, wanted.Path)))
        {
            throw new DomainRuleException("channel", "You are not a member of this channel.", StatusCodes.Status403Forbidden);
        }

        var ids = await EnsureAsync([wanted], cancellationToken);
        return (await SummariesAsync(caller.UserId, ids, cancellationToken)).Single();
    }

    public async Task<IReadOnlyList<ChannelSummary>> SummariesAsync(Guid userId, IReadOnlyList<long> ids, CancellationToken cancellationToken = default)
    {
        var channels = await db.Channels.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new
            {
                c.Id, c.Kind, c.CampaignId, Node = db.Nodes.Where(n => n.Id == c.NodeId).Select(n => new { n.Code, n.Name, n.NameEn }).First(),
                Campaign = db.Campaigns.Where(k => k.Id == c.CampaignId).Select(k => k.Title).FirstOrDefault(),
            }).ToListAsync(cancellationToken);
        var unread = await db.ChannelMessages.AsNoTracking()
            .Where(m => ids.Contains(m.ChannelId) && m.SenderId != userId &&
                        m.Id > (db.ChannelReadMarks.Where(r => r.ChannelId == m.ChannelId && r.UserId == userId).Select(r => (long?)r.LastReadMessageId).FirstOrDefault() ?? 0))
            .GroupBy(m => m.ChannelId).Select(g => new { ChannelId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.ChannelId, x => x.Count, cancellationToken);
        var last = await db.ChannelMessages.AsNoTracking().Where(m => ids.Contains(m.ChannelId))
            .GroupBy(m => m.ChannelId).Select(g => new { ChannelId = g.Key, Last = g.Max(m => m.Id) }).ToDictionaryAsync(x => x.ChannelId, x => x.Last, cancellationToken);
        var lastAt = await db.ChannelMessages.AsNoTracking().Where(m => last.Values.Contains(m.Id)).ToDictionaryAsync(m => m.ChannelId, m => m.SentAt, cancellationToken);

        return [.. channels
            .Select(c => new ChannelSummary(c.Id, c.Kind, c.Campaign ?? c.Node.Name, c.Campaign is null ? c.Node.NameEn : null, c.Node.Code, c.CampaignId,
                unread.GetValueOrDefault(c.Id), lastAt.TryGetValue(c.Id, out var at) ? at : null))
            .OrderByDescending(c => c.Unread > 0).ThenByDescending(c => c.LastMessageAt).ThenBy(c => c.Kind).ThenBy(c => c.NodeCode, StringComparer.Ordinal)];
    }

    /// <summary>Active campaigns over or under the caller's places, and ended ones whose channel still exists.</summary>
    private async Task<List<(ChannelKind, int, string, int?)>> CampaignChannelsAsync(ChannelCaller caller, CancellationToken cancellationToken)
    {
        var paths = caller.Roles.Select(r => r.NodePath!).Distinct().ToList();
        var active = await db.Campaigns.AsNoTracking().Where(c => c.Status == CampaignStatus.Active)
            .Select(c => new { c.Id, c.NodeId, c.NodePath, c.StartsAt }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var result = active.Where(c => c.StartsAt <= now && paths.Any(p => p.StartsWith(c.NodePath, StringComparison.Ordinal) || c.NodePath.StartsWith(p, StringComparison.Ordinal)))
            .Select(c => (ChannelKind.Campaign, c.NodeId, c.NodePath, (int?)c.Id)).ToList();
        var ended = await db.Channels.AsNoTracking().Where(c => c.Kind == ChannelKind.Campaign)
            .Select(c => new { c.NodeId, c.NodePath, c.CampaignId }).ToListAsync(cancellationToken);
        result.AddRange(ended.Where(c => paths.Any(p => p.StartsWith(c.NodePath, StringComparison.Ordinal) || c.NodePath.StartsWith(p, StringComparison.Ordinal)))
            .Select(c => (ChannelKind.Campaign, c.NodeId, c.NodePath, c.CampaignId)));
        return result;
    }

    /// <summary>The ids of the channels, creating the missing ones; a concurrent first use of the same key is harmless.</summary>
    private async Task<List<long>> EnsureAsync(IReadOnlyCollection<(ChannelKind Kind, int NodeId, string Path, int? CampaignId)> wanted, CancellationToken cancellationToken)
    {
        var byKey = wanted.GroupBy(w => Channel.KeyOf(w.Kind, w.NodeId, w.CampaignId)).ToDictionary(g => g.Key, g => g.First());
        var keys = byKey.Keys.ToList();
        var found = await db.Channels.AsNoTracking().Where(c => keys.Contains(c.Key)).Select(c => new { c.Key, c.Id }).ToDictionaryAsync(c => c.Key, c => c.Id, cancellationToken);
        var missing = keys.Where(k => !found.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            var now = clock.GetUtcNow();
            foreach (var key in missing)
            {
                var w = byKey[key];
                db.Channels.Add(new Channel { Key = key, Kind = w.Kind, NodeId = w.NodeId, NodePath = w.Path, CampaignId = w.CampaignId, CreatedAt = now });
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException)
                {
                    // Someone else created it a moment ago.
                    db.ChangeTracker.Clear();
                }
            }

            found = await db.Channels.AsNoTracking().Where(c => keys.Contains(c.Key)).Select(c => new { c.Key, c.Id }).ToDictionaryAsync(c => c.Key, c => c.Id, cancellationToken);
        }

        return [.. found.Values];
    }

    private static ChannelKind KindOf(NodeKind kind) => kind == NodeKind.Grid ? ChannelKind.Grid : ChannelKind.Building;
}
