using Linli.Web.Data;
using Linli.Web.Features.Cases;
using Linli.Web.Features.Cases.Intake;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Demo;

/// <summary>
/// Fourteen months of closed cases in every community of the demo street, so its dashboards (this month and last) have a
/// month before and a year before to compare with: a few cases per community and month, each community answering a little better or
/// worse than the next. Anonymous reports (no contact), deterministic counts and times. Tests turn it off
/// (<c>Demo:CaseHistory=false</c>): they count their own cases from zero.
/// </summary>
public static class DemoDashboards
{
    public const string Setting = "Demo:CaseHistory";

    private static readonly (string Code, string Text, int Weight)[] Kinds =
    [
        ("water-leak", "楼道水管渗水 Water seeping from a pipe in the stairwell", 5),
        ("parking", "消防通道被占用 Cars parked in the fire lane", 6),
        ("streetlight", "路灯不亮 A streetlight is out", 4),
        ("noise", "夜间施工噪音 Building work at night", 4),
        ("waste", "垃圾桶满溢 Bins overflowing", 5),
        ("neighbour-dispute", "邻里因晾晒衣物争执 Neighbours argue over drying laundry", 2),
        ("other", "健身器材损坏 Broken outdoor gym equipment", 2),
        ("fraud-attempt", "有人冒充客服要求转账 Someone posing as customer service asked for a transfer", 1),
        ("elderly-care", "独居老人需要代购 An elderly resident living alone needs shopping done", 1),
    ];

    public static async Task SeedAsync(LinliDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        // The history needs the catalogue; on a first start it is otherwise made after the demo. Every department
        // the demo adds exists by now, so the catalogue links its handlers as it would have.
        await CategoryDefaults.SeedIfEmptyAsync(db, cancellationToken);
        var now = clock.GetUtcNow();
        var random = new Random(20260801);
        var categories = await db.CaseCategories.AsNoTracking().ToDictionaryAsync(c => c.Code, cancellationToken);
        var street = await db.Nodes.AsNoTracking().Where(n => n.Code == TreeGenerator.ShiqiaopuCode).Select(n => n.Path).SingleAsync(cancellationToken);
        var grids = await db.Nodes.AsNoTracking().Where(n => n.Kind == NodeKind.Grid && n.Path.StartsWith(street)).OrderBy(n => n.Code)
            .Select(n => new { n.Id, n.Path, n.Geometry }).ToListAsync(cancellationToken);
        var communities = grids.GroupBy(g => g.Path[..g.Path.TrimEnd('/').LastIndexOf('/')]).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var weighted = Kinds.Where(k => categories.ContainsKey(k.Code)).SelectMany(k => Enumerable.Repeat(k, k.Weight)).ToList();
        var today = ChinaCalendar.Today(now);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);

        for (var c = 0; c < communities.Count; c++)
        {
            // Communities answer with different care, so the ranking has an order: 0.95 for the first down to about 0.6.
            var care = 0.95 - (0.03 * c);
            var communityGrids = communities[c].ToList();
            for (var monthsAgo = 13; monthsAgo >= 0; monthsAgo--)
            {
                var month = thisMonth.AddMonths(-monthsAgo);
                var lastDay = monthsAgo == 0 ? today.AddDays(-3) : month.AddMonths(1).AddDays(-1);
                if (lastDay < month)
                {
                    continue;
                }

                var count = 2 + random.Next(4) + (monthsAgo <= 1 ? 1 : 0);
                for (var i = 0; i < count; i++)
                {
                    var kind = weighted[random.Next(weighted.Count)];
                    var grid = communityGrids[random.Next(communityGrids.Count)];
                    var day = month.AddDays(random.Next(lastDay.DayNumber - month.DayNumber + 1));
                    var reported = ChinaCalendar.Midnight(day).AddHours(8 + random.Next(12)).AddMinutes(random.Next(60)).ToUniversalTime();
                    var made = Case(categories[kind.Code], kind.Text, grid.Id, grid.Path, grid.Geometry?.InteriorPoint, reported, care, random);
                    if (made.ClosedAt < now && (made.RatedAt ?? made.ClosedAt) < now)
                    {
                        db.Cases.Add(made);
                    }
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static Case Case(CaseCategory category, string text, int gridId, string gridPath, NetTopologySuite.Geometries.Point? at, DateTimeOffset reported, double care, Random random)
    {
        var (respondLimit, resolveLimit) = (TimeSpan.FromMinutes(category.RespondWithinMinutes), TimeSpan.FromMinutes(category.ResolveWithinMinutes));
        var responded = reported + (random.NextDouble() < care ? respondLimit * (0.2 + (0.7 * random.NextDouble())) : respondLimit * (1.2 + random.NextDouble()));
        var resolved = reported + (random.NextDouble() < care ? resolveLimit * (0.3 + (0.6 * random.NextDouble())) : resolveLimit * (1.1 + random.NextDouble()));
        var closed = resolved.AddHours(2 + random.Next(22));
        var rated = random.NextDouble() < 0.6;
        var stars = random.NextDouble() < care ? 4 + random.Next(2) : 1 + random.Next(3);
        return new Case
        {
            Receipt = ReceiptCodes.New(), CategoryId = category.Id, Description = text, Source = CaseSource.Web, State = CaseState.Closed,
            Latitude = at?.Y ?? 0, Longitude = at?.X ?? 0, GridNodeId = gridId, GridPath = gridPath, ReporterAnonymous = true,
            ReportedAt = reported, DispatchedAt = reported.AddMinutes(5), RespondedAt = responded, ResolvedAt = resolved, ClosedAt = closed,
            RespondBy = reported + respondLimit, ResolveBy = reported + resolveLimit,
            RatingStars = rated ? stars : null, RatingSolved = rated ? stars >= 3 : null, RatedAt = rated ? closed.AddDays(1) : null,
        };
    }
}
