using Linli.Web.Data;
using Linli.Web.Features.Campaigns;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Demo;

/// <summary>
/// The demo street's epidemic screening, launched as the demo is seeded, with part of the work done so its progress page has
/// something to show. The demo accounts' own grid is left untouched, so signing in as its unit chief shows an open task.
/// </summary>
public static class DemoCampaigns
{
    public static async Task SeedAsync(LinliDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var street = await db.Nodes.AsNoTracking().Where(n => n.Code == TreeGenerator.ShiqiaopuCode).Select(n => new { n.Id, n.Path }).SingleAsync(cancellationToken);
        var launchedBy = await db.Users.AsNoTracking().Where(u => u.UserName == "street").Select(u => u.Id).SingleAsync(cancellationToken);
        var campaign = new Campaign
        {
            Kind = CampaignKind.EpidemicScreening,
            Title = "石桥铺街道全员入户排查 Shiqiaopu household screening",
            Instructions = "逐户上门了解健康状况，发现发热或需要帮助的住户请上报问题，不记录姓名和证件号。 Visit every household; report anyone with a fever or needing help as a problem. Do not write down names or ID numbers.",
            NodeId = street.Id, NodePath = street.Path, RetentionDays = 30, LaunchedBy = launchedBy,
        };
        var result = await new CampaignLauncher(db, clock).LaunchAsync(campaign, cancellationToken);

        var now = clock.GetUtcNow();
        var demoGrid = await db.Nodes.AsNoTracking().Where(n => n.Code == DemoAccounts.GridCode).Select(n => n.Id).SingleAsync(cancellationToken);
        var tasks = await db.CampaignTasks.AsNoTracking().Where(t => t.CampaignId == result.CampaignId && t.GridId != demoGrid)
            .OrderBy(t => t.NodePath).Select(t => new { t.Id, t.GridId }).ToListAsync(cancellationToken);
        // Each grid gets its own share done (0 to 5 in 6), so the map shows every shade and some grids lag behind.
        var done = tasks.GroupBy(t => t.GridId).SelectMany(g => g.Where((_, i) => i % 6 < g.Key % 6)).Select(t => t.Id).ToList();
        await db.CampaignTasks.Where(t => done.Contains(t.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.Status, CampaignTaskStatus.Done).SetProperty(t => t.DoneAt, now.AddHours(-2))
            .SetProperty(t => t.DoneBy, t => t.AssigneeUserId), cancellationToken);

        await db.CampaignGridProgress.Where(p => p.CampaignId == result.CampaignId).ExecuteUpdateAsync(s => s.SetProperty(
            p => p.Done,
            p => db.CampaignTasks.Count(t => t.CampaignId == p.CampaignId && t.GridId == p.GridId && t.Status == CampaignTaskStatus.Done)), cancellationToken);
    }
}
