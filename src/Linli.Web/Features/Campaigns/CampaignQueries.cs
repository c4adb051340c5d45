using System.Linq.Expressions;
using Linli.Web.Data;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Campaigns;

/// <summary>The campaigns a person's roles cover (launched in their subtree or covering their node) and their summaries.</summary>
public sealed class CampaignQueries(LinliDb db, ScopeAuthorizer scope, TimeProvider clock)
{
    public async Task<CampaignSummary?> SummaryAsync(int id, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        return await db.Campaigns.AsNoTracking().Where(c => c.Id == id).Select(Summary(now)).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Campaigns launched inside, or covering, the nodes where the caller may see progress or launch; newest first.</summary>
    public async Task<IReadOnlyList<CampaignSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var roles = (await scope.RolesGrantingAsync(Permission.ViewCampaignProgress, cancellationToken))
            .Concat(await scope.RolesGrantingAsync(Permission.RunCampaigns, cancellationToken));
        var paths = ScopePaths.Outermost(roles.Select(r => r.NodePath).OfType<string>());
        if (paths.Count == 0)
        {
            return [];
        }

        var query = db.Campaigns.AsNoTracking().Where(c => false);
        foreach (var path in paths)
        {
            var covering = Ancestors(path);
            query = query.Union(db.Campaigns.AsNoTracking().Where(c => c.NodePath.StartsWith(path) || covering.Contains(c.NodePath)));
        }

        var now = clock.GetUtcNow();
        return await query.OrderByDescending(c => c.CreatedAt).Take(100).Select(Summary(now)).ToListAsync(cancellationToken);
    }

    /// <summary>The campaign as someone who may see progress at <paramref name="nodePath"/> sees it; refused outside their scope.</summary>
    public async Task EnsureMayViewAsync(string nodePath, CancellationToken cancellationToken)
    {
        if (!await scope.CanAsync(Permission.ViewCampaignProgress, nodePath, cancellationToken))
        {
            throw new DomainRuleException("node", "Your roles do not cover this part of the tree.", StatusCodes.Status403Forbidden);
        }
    }

    /// <summary>"/a/b/c/" → "/a/", "/a/b/", "/a/b/c/".</summary>
    public static List<string> Ancestors(string path)
    {
        var list = new List<string>();
        for (var i = path.IndexOf('/', 1); i > 0; i = path.IndexOf('/', i + 1))
        {
            list.Add(path[..(i + 1)]);
        }

        return list;
    }

    private Expression<Func<Campaign, CampaignSummary>> Summary(DateTimeOffset now) => c => new CampaignSummary(
        c.Id, c.Kind, c.Title, c.Instructions, c.Node!.Code, c.Node.Name, c.Node.NameEn, c.Status,
        c.Status == CampaignStatus.Active && c.StartsAt <= now && (c.EndsAt == null || c.EndsAt > now),
        c.StartsAt, c.EndsAt, c.EndedAt, c.RetentionDays,
        db.CampaignGridProgress.Where(p => p.CampaignId == c.Id).Sum(p => (int?)p.Total) ?? 0,
        db.CampaignGridProgress.Where(p => p.CampaignId == c.Id).Sum(p => (int?)p.Done) ?? 0);
}
