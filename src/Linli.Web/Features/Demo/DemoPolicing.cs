using System.Globalization;
using Linli.Web.Data;
using Linli.Web.Features.People;
using Linli.Web.Features.Policing;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Demo;

/// <summary>
/// Four weeks of half-days for the officers of the demo street's first four communities (刘伟, login <c>police</c>, in
/// 石桥铺社区, who meets the target of five most weeks; the others fall short now and then), with patrols along their
/// community, household and organisation visits, a few concerns still to be turned into cases, and facility checks.
/// </summary>
public static class DemoPolicing
{
    private static readonly int[][] HalfDaysPerWeek = [[6, 5, 5, 4], [5, 4, 3, 2], [4, 5, 3, 3], [3, 2, 5, 2]];

    private static readonly string[] Topics = ["防诈骗宣传", "消防安全提醒", "电动车充电安全", "邻里纠纷回访", "独居老人探访", "出租房屋安全检查"];

    private static readonly string[] Advice = ["不向陌生账户转账，接到可疑电话先打110核实", "楼道不堆放杂物，保持消防通道畅通", "电动车不进楼入户，到集中充电点充电"];

    private static readonly string[] Concerns = ["楼道堆放杂物，影响通行", "夜间小区门口照明不足", "附近有人深夜噪音扰民", "电动车在楼道充电"];

    private static readonly string[] Organisations = ["便民超市", "社区卫生服务站", "快递驿站", "幼儿园", "农贸市场"];

    public static async Task SeedAsync(LinliDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var random = new Random(2017_0501);
        var today = ChinaCalendar.Today(now);
        var afternoonNow = now.ToOffset(ChinaCalendar.Offset).Hour >= 12;
        var thisWeek = ChinaCalendar.WeekStart(today);
        var communities = await db.Nodes.AsNoTracking().Where(n => n.Kind == NodeKind.Community && n.Path.StartsWith("/" + TreeGenerator.ChongqingCode + "/"))
            .OrderBy(n => n.Code).Take(HalfDaysPerWeek.Length).Select(n => new { n.Id, n.Path, n.Geometry }).ToListAsync(cancellationToken);

        for (var c = 0; c < communities.Count; c++)
        {
            var community = communities[c];
            var officer = await db.RoleAssignments.AsNoTracking().Where(a => a.Role == StaffRole.CommunityPolice && a.NodeId == community.Id)
                .OrderBy(a => a.Id).Select(a => a.UserId).FirstOrDefaultAsync(cancellationToken);
            if (officer == Guid.Empty)
            {
                continue;
            }

            var units = await db.Nodes.AsNoTracking().Where(n => n.Kind == NodeKind.Unit && n.Path.StartsWith(community.Path)).OrderBy(n => n.Code)
                .Select(n => n.Id).Take(60).ToListAsync(cancellationToken);
            var route = Route(community.Geometry);
            for (var w = 0; w < HalfDaysPerWeek[c].Length; w++)
            {
                var monday = thisWeek.AddDays(-7 * (HalfDaysPerWeek[c].Length - 1 - w));
                var slots = Enumerable.Range(0, 14).Select(i => (Date: monday.AddDays(i / 2), Period: (HalfDayPeriod)(i % 2)))
                    .Where(s => s.Date < today || (s.Date == today && s.Period == HalfDayPeriod.Morning && afternoonNow))
                    .OrderBy(_ => random.Next()).Take(HalfDaysPerWeek[c][w]).OrderBy(s => s.Date).ThenBy(s => s.Period);
                foreach (var (date, period) in slots)
                {
                    db.PolicingHalfDays.Add(HalfDay(officer, community.Id, community.Path, date, period, units, route, random));
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static PolicingHalfDay HalfDay(Guid officer, int communityId, string path, DateOnly date, HalfDayPeriod period, List<int> units, string? route, Random random)
    {
        var at = ChinaCalendar.StartOf(date).AddHours(period == HalfDayPeriod.Morning ? 11 : 17);
        var halfDay = new PolicingHalfDay { OfficerUserId = officer, CommunityNodeId = communityId, CommunityPath = path, Date = date, Period = period, LoggedAt = at };
        if (route is not null)
        {
            halfDay.Patrols.Add(new PolicingPatrol { RouteGeoJson = route, Minutes = 30 + (random.Next(7) * 10), CreatedAt = at });
        }

        for (var v = random.Next(2, 5); v > 0 && units.Count > 0; v--)
        {
            halfDay.Visits.Add(new PolicingVisit
            {
                Kind = VisitKind.Household, UnitNodeId = units[random.Next(units.Count)], Topic = Pick(Topics, random), Advice = Pick(Advice, random),
                Concern = random.Next(5) == 0 ? Pick(Concerns, random) : null, CreatedAt = at,
            });
        }

        if (random.Next(2) == 0)
        {
            halfDay.Visits.Add(new PolicingVisit
            {
                Kind = VisitKind.Organisation, OrganisationName = Pick(Organisations, random), Topic = "消防安全提醒", Advice = "检查灭火器有效期",
                Concern = random.Next(4) == 0 ? "后门安全出口被货物堵住" : null, CreatedAt = at,
            });
        }

        if (random.Next(3) == 0)
        {
            halfDay.Checks.Add(new FacilityCheck
            {
                Facility = (FacilityKind)random.Next(7), Status = random.Next(4) == 0 ? FacilityStatus.NeedsRepair : FacilityStatus.Ok, CreatedAt = at,
            });
        }

        return halfDay;
    }

    /// <summary>A walk across the community's middle, west to east, with a turn north.</summary>
    private static string? Route(NetTopologySuite.Geometries.Geometry? area)
    {
        if (area is null)
        {
            return null;
        }

        var box = area.EnvelopeInternal;
        var (y, x0, x1) = (box.Centre.Y, box.MinX + (box.Width * 0.2), box.MaxX - (box.Width * 0.2));
        string P(double lon, double lat) => string.Create(CultureInfo.InvariantCulture, $"[{lon:F6},{lat:F6}]");
        return $$"""{"type":"LineString","coordinates":[{{P(x0, y)}},{{P(box.Centre.X, y)}},{{P(box.Centre.X, y + (box.Height * 0.2))}},{{P(x1, y + (box.Height * 0.2))}}]}""";
    }

    private static string Pick(string[] values, Random random) => values[random.Next(values.Length)];
}
