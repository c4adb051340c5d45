using Linli.Web.Data;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Campaigns;

/// <summary>Street or district staff launch a campaign over an area of their subtree, and end it.</summary>
public sealed class CampaignCommands(LinliDb db, ScopeAuthorizer scope, CurrentUser user, CampaignLauncher launcher, CampaignQueries queries, TimeProvider clock)
{
    public const int MaxRetentionDays = 3650;

    public async Task<CampaignLaunched> LaunchAsync(LaunchCampaignRequest r, CancellationToken cancellationToken = default)
    {
        if ((await scope.RolesGrantingAsync(Permission.RunCampaigns, cancellationToken)).Count == 0)
        {
            throw new DomainRuleException("nodeCode", "Launching a campaign needs the RunCampaigns permission.", StatusCodes.Status403Forbidden);
        }

        if (!EnumNames.TryParse<CampaignKind>(r.Kind, out var kind))
        {
            throw new DomainRuleException("kind", "kind is one of " + string.Join(", ", Enum.GetNames<CampaignKind>()));
        }

        var title = FieldRules.Text("title", PlainText.Clean(r.Title), Campaign.MaxTitle, required: true)!;
        var instructions = FieldRules.Text("instructions", PlainText.Clean(r.Instructions), Campaign.MaxInstructions, required: true)!;
        var code = FieldRules.Text("nodeCode", r.NodeCode, 60, required: true)!;
        var now = clock.GetUtcNow();
        if (r.EndsAt is { } endsAt && endsAt <= now)
        {
            throw new DomainRuleException("endsAt", "endsAt must be in the future");
        }

        if (r.RetentionDays is { } days && days is < 1 or > MaxRetentionDays)
        {
            throw new DomainRuleException("retentionDays", $"retentionDays is between 1 and {MaxRetentionDays}");
        }

        var node = await db.Nodes.AsNoTracking().Where(n => n.Code == code).Select(n => new { n.Id, n.Path, n.Kind }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainRuleException("nodeCode", $"No node has the code {code}.", StatusCodes.Status404NotFound);
        if (!await scope.CanAsync(Permission.RunCampaigns, node.Path, cancellationToken))
        {
            throw new DomainRuleException("nodeCode", "Your roles do not cover this part of the tree.", StatusCodes.Status403Forbidden);
        }

        if (node.Kind >= NodeKind.Grid)
        {
            throw new DomainRuleException("nodeCode", "A campaign covers a street, a district or another area above the grids.");
        }

        var campaign = new Campaign
        {
            Kind = kind, Title = title, Instructions = instructions, NodeId = node.Id, NodePath = node.Path, EndsAt = r.EndsAt,
            RetentionDays = r.RetentionDays ?? 90, LaunchedBy = user.Id!.Value,
        };
        var launched = await launcher.LaunchAsync(campaign, cancellationToken);
        var summary = (await queries.SummaryAsync(campaign.Id, cancellationToken))!;
        return new CampaignLaunched(summary, launched.TotalTasks, launched.Tasks.ToDictionary(t => t.Key.ToString(), t => t.Value), launched.Grids);
    }

    /// <summary>Ends the campaign now (once: ending an ended campaign changes nothing).</summary>
    public async Task<CampaignSummary?> EndAsync(int id, CancellationToken cancellationToken = default)
    {
        var path = await db.Campaigns.AsNoTracking().Where(c => c.Id == id).Select(c => c.NodePath).SingleOrDefaultAsync(cancellationToken);
        if (path is null)
        {
            return null;
        }

        if (!await scope.CanAsync(Permission.RunCampaigns, path, cancellationToken))
        {
            throw new DomainRuleException("id", "Your roles do not cover this part of the tree.", StatusCodes.Status403Forbidden);
        }

        var now = clock.GetUtcNow();
        await db.Campaigns.Where(c => c.Id == id && c.Status == CampaignStatus.Active)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CampaignStatus.Ended).SetProperty(c => c.EndedAt, now), cancellationToken);
        return await queries.SummaryAsync(id, cancellationToken);
    }
}
