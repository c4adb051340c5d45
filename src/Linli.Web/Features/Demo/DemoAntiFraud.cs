using Linli.Web.Data;
using Linli.Web.Features.AntiFraud.Alliance;
using Linli.Web.Features.AntiFraud.Orders;
using Linli.Web.Features.AntiFraud.Stats;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Demo;

/// <summary>
/// The demo street's anti-fraud alliance: the bank branch is a member in the first four communities and the property
/// company in the first; eight weeks of dissuasion orders in 石桥铺社区 falling from 11 a week to 2, as Shiqiaopu's did,
/// three orders still being worked, and a free film screening. Names and phones are invented.
/// </summary>
public static class DemoAntiFraud
{
    private static readonly int[] OrdersPerWeek = [11, 10, 8, 7, 5, 4, 3, 2];

    private static readonly string[] Seen =
    [
        "老人要求取现2万元，称用于“高回报养老投资”，一直在接电话。 Withdrawing 20,000 yuan for a 'high-return pension investment' while on the phone.",
        "客户称“公检法”来电要求把存款转到“安全账户”。 Told by 'police' on the phone to move savings to a 'safe account'.",
        "客户要给“网上认识的男朋友”汇款。 Sending money to an online 'boyfriend'.",
        "快递员发现老人收到大量“保健品”货到付款包裹。 Courier noticed many cash-on-delivery 'health product' parcels.",
    ];

    public static async Task SeedAsync(LinliDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var random = new Random(2023_0615);
        var partners = await db.Partners.AsNoTracking().Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
        var bank = partners.First(p => p.Name == DemoOrganisations.Bank.Name).Id;
        var property = partners.First(p => p.Name != DemoOrganisations.Bank.Name).Id;
        var communities = await db.Nodes.AsNoTracking().Where(n => n.Kind == NodeKind.Community && n.Path.StartsWith("/" + TreeGenerator.ChongqingCode + "/"))
            .OrderBy(n => n.Code).Select(n => new { n.Id, n.Code, n.Path }).Take(4).ToListAsync(cancellationToken);
        var home = communities[0];
        var units = await db.Nodes.AsNoTracking().Where(n => n.Kind == NodeKind.Unit && n.Path.StartsWith(home.Path)).OrderBy(n => n.Code)
            .Select(n => new DemoUnit(n.Id, n.Code)).Take(40).ToListAsync(cancellationToken);
        var bankStaff = await db.Users.AsNoTracking().Where(u => u.UserName == "partner").Select(u => new { u.Id, u.DisplayName }).FirstAsync(cancellationToken);
        var propertyStaff = await db.Users.AsNoTracking().Where(u => u.UserName == "partner-2").Select(u => new { u.Id, u.DisplayName }).FirstAsync(cancellationToken);
        var worker = await db.Users.AsNoTracking().Where(u => u.UserName == "worker").Select(u => new { u.Id, u.DisplayName }).FirstAsync(cancellationToken);

        db.AllianceMemberships.AddRange(communities.Select(c => new AllianceMembership { PartnerId = bank, CommunityNodeId = c.Id, JoinedAt = now.AddDays(-120) }));
        db.AllianceMemberships.Add(new AllianceMembership { PartnerId = property, CommunityNodeId = home.Id, JoinedAt = now.AddDays(-90) });

        var thisWeek = ChinaCalendar.StartOf(ChinaCalendar.WeekStart(ChinaCalendar.Today(now)));
        var people = Enumerable.Range(0, 30).Select(i => (Name: DemoNames.Person(random), Phone: $"+861390000{i:D4}")).ToList();
        for (var w = 0; w < OrdersPerWeek.Length; w++)
        {
            var weekStart = thisWeek.AddDays(-7 * (OrdersPerWeek.Length - w));
            for (var i = 0; i < OrdersPerWeek[w]; i++)
            {
                var raised = weekStart.AddHours(9 + (i * 13 % 120));
                var person = people[random.Next(people.Count)];
                var order = Order(home.Id, home.Path, bank, bankStaff.Id, bankStaff.DisplayName, raised, person, units[random.Next(units.Count)], random);
                var outcome = (VisitOutcome)(random.Next(10) switch { < 7 => 0, 7 => 1, 8 => 2, _ => 3 });
                Visit(order, outcome, outcome == VisitOutcome.Dissuaded ? order.AmountAtRisk : 0, worker.Id, worker.DisplayName, raised.AddMinutes(70));
                Close(order, worker.Id, worker.DisplayName, raised.AddHours(5));
                order.IsRepeatTarget = db.DissuasionOrders.Local.Any(o => o.CommunityNodeId == home.Id && o.Phone == order.Phone);
                db.DissuasionOrders.Add(order);
            }
        }

        // Being worked now: one just raised (high risk), one visited awaiting closing, one medium risk past its deadline.
        var open = Order(home.Id, home.Path, bank, bankStaff.Id, bankStaff.DisplayName, now.AddMinutes(-20), people[0], units[0], random, FraudRisk.High);
        var visited = Order(home.Id, home.Path, bank, bankStaff.Id, bankStaff.DisplayName, now.AddHours(-6), people[1], units[1], random, FraudRisk.High);
        Visit(visited, VisitOutcome.Dissuaded, visited.AmountAtRisk, worker.Id, worker.DisplayName, now.AddHours(-5));
        var late = Order(home.Id, home.Path, property, propertyStaff.Id, propertyStaff.DisplayName, now.AddHours(-30), people[2], units[2], random, FraudRisk.Medium);
        foreach (var order in new[] { open, visited, late })
        {
            order.IsRepeatTarget = db.DissuasionOrders.Local.Any(o => o.CommunityNodeId == home.Id && o.Phone == order.Phone);
            db.DissuasionOrders.Add(order);
        }

        db.AwarenessEvents.Add(new AwarenessEvent
        {
            CommunityNodeId = home.Id, CommunityPath = home.Path, Title = "反诈电影免费放映《孤注一掷》 Free anti-fraud film screening",
            Date = ChinaCalendar.Today(now).AddDays(-16), Place = "石桥铺影院 Shiqiaopu Cinema", Attendance = 186, RecordedBy = worker.Id, RecordedAt = now.AddDays(-15),
        });
        db.AwarenessEvents.Add(new AwarenessEvent
        {
            CommunityNodeId = home.Id, CommunityPath = home.Path, Title = "银行网点防诈骗讲座 Anti-fraud talk at the bank",
            Date = ChinaCalendar.Today(now).AddDays(-40), Place = "重庆银行石桥铺支行 Bank of Chongqing, Shiqiaopu Branch", Attendance = 42, RecordedBy = worker.Id, RecordedAt = now.AddDays(-39),
        });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private sealed record DemoUnit(int Id, string Code);

    private static DissuasionOrder Order(
        int communityId, string communityPath, int partnerId, Guid raisedBy, string raisedByName, DateTimeOffset raised, (string Name, string Phone) person,
        DemoUnit unit, Random random, FraudRisk? risk = null)
    {
        var level = risk ?? (FraudRisk)random.Next(3);
        var order = new DissuasionOrder
        {
            PartnerId = partnerId, RaisedByUserId = raisedBy, RaisedByName = raisedByName, RaisedAt = raised, CommunityNodeId = communityId, CommunityPath = communityPath,
            PersonName = person.Name, Phone = person.Phone, UnitNodeId = unit.Id, UnitCode = unit.Code, Seen = Seen[random.Next(Seen.Length)],
            Risk = level, AmountAtRisk = random.Next(1, 60) * 1000L,
            DueAt = raised + TimeSpan.FromMinutes(level switch { FraudRisk.High => 120, FraudRisk.Medium => 24 * 60, _ => 72 * 60 }),
            State = DissuasionState.Open,
        };
        order.Events.Add(new DissuasionEvent { At = raised, Kind = DissuasionEventKind.Raised, ActorUserId = raisedBy, ActorName = raisedByName, ActorRole = $"PartnerStaff@partner:{partnerId}" });
        return order;
    }

    private static void Visit(DissuasionOrder order, VisitOutcome outcome, long? money, Guid by, string name, DateTimeOffset at)
    {
        order.State = DissuasionState.Visited;
        order.Outcome = outcome;
        order.MoneyProtected = money;
        order.Advice = "讲解了冒充公检法和投资理财诈骗的手法，留下了社区民警电话。 Explained impersonation and investment scams; left the officer's number.";
        order.FollowUp = outcome == VisitOutcome.Dissuaded ? FollowUpKind.NextTransactionCheck : FollowUpKind.None;
        order.VisitedAt = at;
        order.VisitedBy = by;
        order.VisitedByName = name;
        order.Events.Add(new DissuasionEvent { At = at, Kind = DissuasionEventKind.Visited, ActorUserId = by, ActorName = name, ActorRole = "CommunityWorker@" + DemoAccounts.CommunityCode, Outcome = outcome });
    }

    private static void Close(DissuasionOrder order, Guid by, string name, DateTimeOffset at)
    {
        order.State = DissuasionState.Closed;
        order.ClosedAt = at;
        order.ClosedBy = by;
        order.ClosedByName = name;
        order.Events.Add(new DissuasionEvent { At = at, Kind = DissuasionEventKind.Closed, ActorUserId = by, ActorName = name, ActorRole = "CommunityWorker@" + DemoAccounts.CommunityCode });
    }
}
