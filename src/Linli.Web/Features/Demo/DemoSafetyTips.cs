using Linli.Web.Data;
using Linli.Web.Features.Departments;
using Linli.Web.Features.SafetyTips;
using Linli.Web.Features.Tree;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Demo;

/// <summary>
/// The demo street's safety tips: a dozen over the last five months in 石桥铺社区 and its neighbours, in every state —
/// new, a question waiting for the tipster, an answer waiting for the officer, verified, passed on, closed — one due
/// for deletion soon, and counts of earlier, already deleted tips for the public figures. One tip opens with the
/// published demo receipt <see cref="Receipt"/>, so the follow-up page can be tried.
/// </summary>
public static class DemoSafetyTips
{
    public const string Receipt = "T1PS0-DEM00-00000-00001";

    private sealed record Seed(TipKind Kind, int DaysAgo, string What, string? WhereNote, int Place, int? Association, string? Question, string? Answer, TipOutcome? Outcome, string? OutcomeNote);

    private static readonly Seed[] Tips =
    [
        new(TipKind.Fraud, 2, "有人在小区门口摆摊，说免费领鸡蛋，要老人扫码加群，群里推销“养老投资”。 A stall at the gate gives away free eggs if elderly people scan a code to join a group that sells 'pension investments'.",
            "小区正门", 0, 4, "摊位一般几点出现？ What time does the stall usually appear?", null, null, null),
        new(TipKind.Theft, 5, "最近一周车棚里连续有电动车电瓶被拆走，多在凌晨。 Over the last week e-bike batteries were taken from the bike shed, mostly before dawn.",
            "3号楼后面的车棚", 2, 0, "车棚的门锁是否完好？ Is the shed's lock intact?", "门锁坏了快一个月了。 The lock has been broken for almost a month.", null, null),
        new(TipKind.PublicSafety, 9, "楼道里堆满纸箱和旧家具，挡住了消防通道。 Cardboard and old furniture block the fire escape in the stairwell.",
            null, 1, null, null, null, TipOutcome.PassedOn, "已转社区和物业清理。 Passed to the community and the property company to clear."),
        new(TipKind.Drugs, 14, "深夜经常有人在出租屋进出，每次只停留几分钟，屋里有刺鼻气味。 At night people keep entering a rented flat for a few minutes each; there is a sharp smell.",
            null, 2, null, null, null, null, null),
        new(TipKind.Fraud, 21, "有人挨家挨户上门说要“检查燃气”，收取高价安全阀费用。 People go door to door 'checking the gas' and charge for an overpriced valve.",
            "2单元", 3, 4, null, null, TipOutcome.Verified, "已核实，燃气公司未派人，已提醒居民。 Verified: the gas company sent nobody; residents were warned."),
        new(TipKind.Other, 40, "夜里公园的路灯坏了一片，很暗。 A stretch of park lights is out at night; it is very dark.",
            "社区公园", 0, null, null, null, TipOutcome.Closed, "已报修并修好。 Reported and repaired."),
        new(TipKind.Theft, 60, "菜市场早上人多时有人被掏包。 Pockets were picked at the market at the morning rush.",
            "菜市场", 0, 0, null, null, TipOutcome.NotVerified, null),
        new(TipKind.PublicSafety, 175, "河边护栏松动，孩子常在那里玩。 The riverside railing is loose and children play there.",
            "河边步道", 0, null, null, null, null, null),
        new(TipKind.Fraud, 3, "有人冒充社区工作人员收“医保年费”。 Someone posing as community staff collects a 'health insurance annual fee'.",
            null, 10, null, null, null, null, null),
        new(TipKind.Theft, 30, "停车场有车窗被砸。 Car windows were smashed in the car park.",
            "地下停车场", 11, null, null, null, TipOutcome.Verified, null),
    ];

    public static async Task SeedAsync(LinliDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var street = "/" + TreeGenerator.ChongqingCode + "/" + TreeGenerator.JiulongpoCode + "/" + TreeGenerator.ShiqiaopuCode + "/";
        var communities = await db.Nodes.AsNoTracking().Where(n => n.Kind == NodeKind.Community && n.Path.StartsWith(street))
            .OrderBy(n => n.Code).Select(n => new { n.Id, n.Path }).Take(3).ToListAsync(cancellationToken);
        var home = communities[0];
        var district = await db.Nodes.AsNoTracking().Where(n => n.Code == TreeGenerator.JiulongpoCode).Select(n => n.Id).SingleAsync(cancellationToken);
        var station = await db.Departments.AsNoTracking().Where(d => d.Kind == DepartmentKind.PoliceStation).Select(d => (int?)d.Id).FirstOrDefaultAsync(cancellationToken);
        var associations = await db.VolunteerAssociations.AsNoTracking().Where(a => a.CommunityNodeId == home.Id).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(cancellationToken);
        var police = await db.Users.AsNoTracking().Where(u => u.UserName == "police").Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);

        // Places: 0 the community, 1 its first grid, 2 its first building, 3 that building's first unit; 10 and 11 the next communities.
        var grid = await db.Nodes.AsNoTracking().Where(n => n.Kind == NodeKind.Grid && n.Path.StartsWith(home.Path)).OrderBy(n => n.Code).Select(n => new { n.Id, n.Path }).FirstAsync(cancellationToken);
        var building = await db.Nodes.AsNoTracking().Where(n => n.Kind == NodeKind.Building && n.Path.StartsWith(grid.Path)).OrderBy(n => n.Code).Select(n => new { n.Id, n.Path }).FirstAsync(cancellationToken);
        var unit = await db.Nodes.AsNoTracking().Where(n => n.Kind == NodeKind.Unit && n.Path.StartsWith(building.Path)).OrderBy(n => n.Code).Select(n => new { n.Id, n.Path }).FirstAsync(cancellationToken);
        var places = new Dictionary<int, (int Id, string Path, int Community)>
        {
            [0] = (home.Id, home.Path, home.Id), [1] = (grid.Id, grid.Path, home.Id), [2] = (building.Id, building.Path, home.Id), [3] = (unit.Id, unit.Path, home.Id),
            [10] = (communities[1].Id, communities[1].Path, communities[1].Id), [11] = (communities[2].Id, communities[2].Path, communities[2].Id),
        };

        for (var i = 0; i < Tips.Length; i++)
        {
            var seed = Tips[i];
            var place = places[seed.Place];
            var sent = now.AddDays(-seed.DaysAgo).AddHours(-3 - i);
            var tip = new SafetyTip
            {
                Kind = seed.Kind, What = seed.What, OccurredOn = DateOnly.FromDateTime(sent.AddDays(-1).UtcDateTime), TimeOfDay = (TipTimeOfDay)(i % 4),
                PlaceNodeId = place.Id, PlacePath = place.Path, CommunityNodeId = place.Community, DistrictNodeId = district, WhereNote = seed.WhereNote,
                StationDepartmentId = station, VolunteerAssociationId = seed.Association is { } a && a < associations.Count ? associations[a] : null,
                ReceiptHash = TipReceipts.Hash(i == 0 ? Receipt : TipReceipts.New()), SubmittedAt = sent,
            };
            if (seed.Question is not null)
            {
                tip.Messages.Add(new SafetyTipMessage { At = sent.AddHours(5), FromStation = true, Text = seed.Question, OfficerUserId = police });
                tip.TriagedAt = sent.AddHours(5);
                tip.QuestionOpen = seed.Answer is null;
            }

            if (seed.Answer is not null)
            {
                tip.Messages.Add(new SafetyTipMessage { At = sent.AddHours(20), FromStation = false, Text = seed.Answer });
                tip.AwaitingStation = true;
            }

            if (seed.Outcome is { } outcome)
            {
                tip.Outcome = outcome;
                tip.OutcomeNote = seed.OutcomeNote;
                tip.OutcomeAt = sent.AddDays(1);
                tip.TriagedAt ??= sent.AddHours(6);
            }

            db.SafetyTips.Add(tip);
        }

        // Tips of earlier months, already deleted by retention: only their counts remain.
        var patrol = associations.Count > 0 ? associations[0] : 0;
        int[] earlier = [14, 11, 12, 9, 8, 10];
        for (var m = 0; m < earlier.Length; m++)
        {
            var month = TipRetention.MonthOf(now.AddMonths(-6 - m));
            db.SafetyTipTallies.Add(new SafetyTipTally { Month = month, DistrictNodeId = district, AssociationId = 0, Count = earlier[m] });
            if (patrol != 0)
            {
                db.SafetyTipTallies.Add(new SafetyTipTally { Month = month, DistrictNodeId = district, AssociationId = patrol, Count = earlier[m] / 3 });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
