using Linli.Web.Data;
using Linli.Web.Infrastructure;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.Notifications;

/// <summary>
/// Staff send a notice to a node of their own subtree and follow its delivery and acknowledgements; recipients
/// acknowledge with the signed link in their message, without signing in.
/// </summary>
public sealed partial class Broadcasts(LinliDb db, ScopeAuthorizer scope, CurrentUser user, BroadcastEnqueue enqueue, IOptions<WeComOptions> wecom, TimeProvider clock)
{
    public async Task<BroadcastDetail> SendAsync(BroadcastRequest request, CancellationToken cancellationToken = default)
    {
        var code = FieldRules.Text("nodeCode", request.NodeCode, 60, required: true)!;
        if (!EnumNames.TryParse<BroadcastAudience>(request.Audience, out var audience))
        {
            throw new DomainRuleException("audience", "audience is residents, gridChiefs, buildingChiefs or unitChiefs");
        }

        var text = FieldRules.Text("text", StripTags(request.Text), Broadcast.MaxText, required: true)!;
        var robot = FieldRules.Text("weComRobot", request.WeComRobot, 60, required: false);
        if (robot is not null && !wecom.Value.Robots.ContainsKey(robot))
        {
            throw new DomainRuleException("weComRobot", "weComRobot names no configured WeCom robot");
        }

        var node = await db.Nodes.AsNoTracking().Where(n => n.Code == code).Select(n => new { n.Id, n.Path, n.Name, n.NameEn }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainRuleException("nodeCode", $"No node has the code {code}.", StatusCodes.Status404NotFound);
        if (!await scope.CanAsync(Permission.BroadcastNotices, node.Path, cancellationToken))
        {
            throw new DomainRuleException("nodeCode", "Your roles do not cover this part of the tree.", StatusCodes.Status403Forbidden);
        }

        if (request.CampaignId is { } campaignId)
        {
            await CheckCampaignAsync(campaignId, node.Path, cancellationToken);
        }

        var broadcast = new Broadcast
        {
            NodeId = node.Id, NodePath = node.Path, Audience = audience, Text = text, Urgent = request.Urgent, WeComRobot = robot,
            SentBy = user.Id!.Value, CampaignId = request.CampaignId,
        };
        await enqueue.EnqueueAsync(broadcast, node.Name, node.NameEn, cancellationToken);
        return (await DetailAsync(broadcast.Id, cancellationToken))!;
    }

    /// <summary>An emergency notice of a campaign goes to the campaign's own area while it runs.</summary>
    private async Task CheckCampaignAsync(int campaignId, string nodePath, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId).Select(c => new { c.NodePath, c.Status, c.StartsAt, c.EndsAt })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new DomainRuleException("campaignId", $"No campaign #{campaignId}.");
        var now = clock.GetUtcNow();
        if (campaign.Status != Campaigns.CampaignStatus.Active || campaign.StartsAt > now || campaign.EndsAt <= now)
        {
            throw new DomainRuleException("campaignId", "The campaign is not running, so it sends no notices.");
        }

        if (!nodePath.StartsWith(campaign.NodePath, StringComparison.Ordinal))
        {
            throw new DomainRuleException("nodeCode", "A campaign's notice goes to its own area or a part of it.");
        }
    }

    /// <summary>The broadcasts to nodes in the caller's scope (only a campaign's, when given), newest first.</summary>
    public async Task<IReadOnlyList<BroadcastSummary>> ListAsync(int? campaignId = null, CancellationToken cancellationToken = default)
    {
        var paths = ScopePaths.Outermost((await scope.RolesGrantingAsync(Permission.BroadcastNotices, cancellationToken)).Select(r => r.NodePath).OfType<string>());
        if (paths.Count == 0)
        {
            return [];
        }

        var query = db.Broadcasts.AsNoTracking().Where(b => false);
        foreach (var path in paths)
        {
            query = query.Union(db.Broadcasts.AsNoTracking().Where(b => b.NodePath.StartsWith(path)));
        }

        if (campaignId is { } id)
        {
            query = query.Where(b => b.CampaignId == id);
        }

        return await query.OrderByDescending(b => b.CreatedAt).Take(200)
            .Select(b => new BroadcastSummary(b.Id, b.Node!.Code, b.Node.Name, b.Audience, b.Text, b.Urgent, b.CreatedAt, b.Recipients, b.CampaignId))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Null when there is no such broadcast; refused when it is outside the caller's scope.</summary>
    public async Task<BroadcastDetail?> DetailAsync(long id, CancellationToken cancellationToken = default)
    {
        var b = await db.Broadcasts.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { Summary = new BroadcastSummary(x.Id, x.Node!.Code, x.Node.Name, x.Audience, x.Text, x.Urgent, x.CreatedAt, x.Recipients, x.CampaignId), x.NodeId, x.NodePath, x.WeComRobot })
            .SingleOrDefaultAsync(cancellationToken);
        if (b is null)
        {
            return null;
        }

        if (!await scope.CanAsync(Permission.BroadcastNotices, b.NodePath, cancellationToken))
        {
            throw new DomainRuleException("id", "Your roles do not cover this part of the tree.", StatusCodes.Status403Forbidden);
        }

        var messages = db.Outbox.AsNoTracking().Where(m => m.BroadcastId == id && m.UserId != null);
        var counts = await messages.GroupBy(m => 1).Select(g => new StatusCounts(
                g.Count(m => m.SentAt == null && m.AbandonedAt == null && m.Attempts == 0),
                g.Count(m => m.SentAt != null),
                g.Count(m => m.SentAt == null && m.AbandonedAt == null && m.Attempts > 0),
                g.Count(m => m.AbandonedAt != null),
                g.Count(m => m.AcknowledgedAt != null)))
            .SingleOrDefaultAsync(cancellationToken) ?? new StatusCounts(0, 0, 0, 0, 0);

        var children = await db.Nodes.AsNoTracking().Where(n => n.ParentId == b.NodeId).OrderBy(n => n.Code)
            .Select(n => new AreaRow(n.Code, n.Name, n.NameEn, n.Path)).ToListAsync(cancellationToken);
        var perChild = (await CountUnderAsync(messages, children, cancellationToken))
            .Select(c => new ChildCounts(c.Code, c.Name, c.NameEn, c.Recipients, c.Sent, c.Acknowledged)).ToList();

        return new BroadcastDetail(b.Summary, counts, perChild, b.WeComRobot);
    }

    /// <summary>
    /// Acknowledgements per grid under <paramref name="nodeCode"/> (the broadcast's own node when null), least acknowledged
    /// first, so whoever runs an emergency sees where to follow up. Null when there is no such broadcast.
    /// </summary>
    public async Task<GridAcknowledgements?> GridsAsync(long id, string? nodeCode, CancellationToken cancellationToken = default)
    {
        var b = await db.Broadcasts.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.NodePath, x.Node!.Code }).SingleOrDefaultAsync(cancellationToken);
        if (b is null)
        {
            return null;
        }

        if (!await scope.CanAsync(Permission.BroadcastNotices, b.NodePath, cancellationToken))
        {
            throw new DomainRuleException("id", "Your roles do not cover this part of the tree.", StatusCodes.Status403Forbidden);
        }

        var code = FieldRules.Text("node", nodeCode, 60, required: false) ?? b.Code;
        var node = await db.Nodes.AsNoTracking().Where(n => n.Code == code).Select(n => new { n.Code, n.Name, n.Path }).SingleOrDefaultAsync(cancellationToken);
        if (node is null || !node.Path.StartsWith(b.NodePath, StringComparison.Ordinal))
        {
            throw new DomainRuleException("node", $"{code} is not an area this broadcast went to.", StatusCodes.Status404NotFound);
        }

        var grids = await db.Nodes.AsNoTracking().Where(n => n.Kind == Tree.NodeKind.Grid && n.Path.StartsWith(node.Path))
            .Select(n => new AreaRow(n.Code, n.Name, n.NameEn, n.Path)).ToListAsync(cancellationToken);
        var messages = db.Outbox.AsNoTracking().Where(m => m.BroadcastId == id && m.UserId != null && m.AudiencePath!.StartsWith(node.Path));
        var counted = (await CountUnderAsync(messages, grids, cancellationToken))
            .OrderBy(g => g.AcknowledgedShare).ThenByDescending(g => g.Recipients).ThenBy(g => g.Code).ToList();
        return new GridAcknowledgements(id, node.Code, node.Name, counted);
    }

    private sealed record AreaRow(string Code, string Name, string? NameEn, string Path);

    /// <summary>
    /// Counts the messages under each area with one GROUP BY over the leading part of the recipient's path: areas of one
    /// kind have paths of one length (codes have a fixed length per kind), so the prefix of that length names the area.
    /// </summary>
    private static async Task<List<GridCounts>> CountUnderAsync(IQueryable<OutboxMessage> messages, IReadOnlyList<AreaRow> areas, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, (int Total, int Sent, int Ack)>(StringComparer.Ordinal);
        foreach (var length in areas.Select(a => a.Path.Length).Distinct())
        {
            var rows = await messages.Where(m => m.AudiencePath!.Length >= length)
                .GroupBy(m => m.AudiencePath!.Substring(0, length))
                .Select(g => new { Prefix = g.Key, Total = g.Count(), Sent = g.Count(m => m.SentAt != null), Ack = g.Count(m => m.AcknowledgedAt != null) })
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                counts[row.Prefix] = (row.Total, row.Sent, row.Ack);
            }
        }

        return areas.Select(a => counts.TryGetValue(a.Path, out var c)
            ? new GridCounts(a.Code, a.Name, a.NameEn, c.Total, c.Sent, c.Ack)
            : new GridCounts(a.Code, a.Name, a.NameEn, 0, 0, 0)).ToList();
    }

    /// <summary>The broadcast message a signed acknowledgement link names, or null when it names none.</summary>
    public Task<AcknowledgementView?> AcknowledgementAsync(long messageId, CancellationToken cancellationToken = default) =>
        db.Outbox.AsNoTracking().Where(m => m.Id == messageId && m.BroadcastId != null)
            .Select(m => new AcknowledgementView(m.Subject, m.Body, m.CreatedAt, m.AcknowledgedAt))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>Records the acknowledgement a signed link names (once); false when the link names no broadcast message.</summary>
    public async Task<bool> AcknowledgeAsync(long messageId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (!await db.Outbox.AnyAsync(m => m.Id == messageId && m.BroadcastId != null, cancellationToken))
        {
            return false;
        }

        await db.Outbox.Where(m => m.Id == messageId && m.AcknowledgedAt == null).ExecuteUpdateAsync(s => s.SetProperty(m => m.AcknowledgedAt, now), cancellationToken);
        return true;
    }

    private static string? StripTags(string? text) => text is null ? null : Tags().Replace(text, "");

    [System.Text.RegularExpressions.GeneratedRegex("<[^>]*>")]
    private static partial System.Text.RegularExpressions.Regex Tags();
}
