using Linli.Web.Data;
using Linli.Web.Features.Campaigns;
using Linli.Web.Features.Care;
using Linli.Web.Features.People;
using Linli.Web.Features.Tree;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Demo;

/// <summary>
/// A few households on the care register of 石桥铺社区, registered by the community worker with oral consent: an elderly
/// resident living alone in the unit chief's unit with a request for medicine to deliver, a disabled resident whose
/// provisions were delivered and await confirmation, and a household in the next unit. An active campaign over the
/// community, if the demo has one, carries the quarantined household; otherwise it lasts the usual term.
/// </summary>
public static class DemoCare
{
    public static async Task SeedAsync(LinliDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var units = await db.Nodes.Where(n => n.Kind == NodeKind.Unit && n.Code.StartsWith(DemoAccounts.BuildingCode)).OrderBy(n => n.Code)
            .Select(n => new { n.Id, n.Path }).Take(2).ToListAsync(cancellationToken);
        var worker = await db.Users.Where(u => u.UserName == "worker").Select(u => u.Id).SingleAsync(cancellationToken);
        var unitChief = await db.Users.Where(u => u.UserName == "unitchief").Select(u => u.Id).SingleAsync(cancellationToken);
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.Status == CampaignStatus.Active).ToListAsync(cancellationToken);
        var campaign = campaigns.FirstOrDefault(c => c.IsActive(now) && units[1].Path.StartsWith(c.NodePath, StringComparison.Ordinal));

        CareEntry Entry(int unit, string path, CareNeed need, string name, string contact, string? note, int daysAgo) => new()
        {
            NodeId = unit, NodePath = path, Need = need, ContactName = name, Contact = contact, Note = note, ConsentVersion = Consents.CareRegisterText.Version,
            ConsentGivenAt = now.AddDays(-daysAgo), ConsentGivenOrally = true, RegisteredBy = worker, ExpiresAt = now.AddDays(-daysAgo).AddMonths(3),
            CreatedAt = now.AddDays(-daysAgo),
        };

        var alone = Entry(units[0].Id, units[0].Path, CareNeed.ElderlyLivingAlone, "孙奶奶", "+8613800138301", "独居，耳背，敲门请大声", 20);
        var disabled = Entry(units[0].Id, units[0].Path, CareNeed.Disabled, "周先生", "+8613800138302", "轮椅出行，住 3 楼", 40);
        var quarantined = Entry(units[1].Id, units[1].Path, CareNeed.Quarantined, "郑女士", "+8613800138303", null, 3);
        if (campaign is not null)
        {
            quarantined.CampaignId = campaign.Id;
            quarantined.ExpiresAt = null;
        }

        db.CareEntries.AddRange(alone, disabled, quarantined);
        await db.SaveChangesAsync(cancellationToken);
        db.HelpRequests.AddRange(
            new HelpRequest
            {
                EntryId = alone.Id, Kind = HelpKind.Medicine, Note = "降压药快吃完了", NodeId = alone.NodeId, NodePath = alone.NodePath,
                AssigneeUserId = unitChief, RaisedBy = worker, RaisedAt = now.AddHours(-5),
            },
            new HelpRequest
            {
                EntryId = disabled.Id, Kind = HelpKind.Provisions, Note = "米和蔬菜", NodeId = disabled.NodeId, NodePath = disabled.NodePath,
                AssigneeUserId = unitChief, RaisedBy = worker, RaisedAt = now.AddDays(-1), DeliveredAt = now.AddHours(-20), DeliveredBy = unitChief,
            });
        await db.SaveChangesAsync(cancellationToken);
    }
}
