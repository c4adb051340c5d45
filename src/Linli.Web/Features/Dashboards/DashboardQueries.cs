using Linli.Web.Data;
using Linli.Web.Features.Rates;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Dashboards;

/// <summary>An area a dashboard can be drawn for, as the queries need it.</summary>
public sealed record DashboardNode(int Id, string Code, NodeKind Kind, string Name, string? NameEn, string Path)
{
    public NodeRefDto Ref => new(Code, Kind.ToWire(), Name, NameEn);
}

/// <summary>
/// The staff dashboard of one node: every capability's figures for a period, with month-on-month and year-on-year
/// change, rankings of the areas below, and a 12-month trend. It reads through the read replica when there is one.
/// Callers check the right first (<see cref="CanViewAsync"/>, or exports their own); the figures hold no personal data.
/// </summary>
public sealed class DashboardQueries(
    [FromKeyedServices(ReadReplica.Key)] LinliDb db, TimeProvider clock, ScopeAuthorizer scope, DashboardSections sections)
{
    public const string CasesDefinition =
        "Cases reported in the area in the period, and the response, resolution and satisfaction rates as /api/v1/rates computes them. " +
        "Month-on-month compares with the same days one month earlier, year-on-year with the same days one year earlier; a count's change is (now − then) / then, " +
        "a rate's change is in percentage points, and a change is null when the earlier figure is 0 or had nothing due.";

    /// <summary>The node by code; a <see cref="DomainRuleException"/> on "node" when there is none.</summary>
    public async Task<DashboardNode> NodeAsync(string? code, CancellationToken cancellationToken)
    {
        var trimmed = FieldRules.Text("node", code, 40, required: true)!;
        return await db.Nodes.AsNoTracking().Where(n => n.Code == trimmed)
            .Select(n => new DashboardNode(n.Id, n.Code, n.Kind, n.Name, n.NameEn, n.Path)).FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainRuleException("node", $"unknown node '{trimmed}'");
    }

    public Task<bool> CanViewAsync(DashboardNode node, CancellationToken cancellationToken) =>
        scope.CanAsync(Permission.ViewDashboards, node.Path, cancellationToken);

    /// <summary>The highest node where the signed-in person may see dashboards; null when nowhere.</summary>
    public async Task<string?> HomeNodeAsync(CancellationToken cancellationToken)
    {
        var roles = await scope.RolesGrantingAsync(Permission.ViewDashboards, cancellationToken);
        return roles.Where(r => r.NodePath is not null).OrderBy(r => r.NodePath!.Length).ThenBy(r => r.NodeCode, StringComparer.Ordinal)
            .Select(r => r.NodeCode).FirstOrDefault();
    }

    /// <summary>The whole report for <paramref name="nodeCode"/> and <paramref name="period"/> (named <paramref name="periodName"/>). Exports write this record.</summary>
    public async Task<DashboardReport> BuildAsync(string nodeCode, RatePeriod period, string periodName, CancellationToken cancellationToken)
    {
        var node = await NodeAsync(nodeCode, cancellationToken);
        if (node.Kind > NodeKind.Grid)
        {
            throw new DomainRuleException("node", "figures are kept down to grid level: choose the grid or an area above it");
        }

        var now = clock.GetUtcNow();
        var (rateScope, _, _) = await RateScopes.ResolveAsync(db, node.Code, null, cancellationToken);
        var ancestors = await AncestorsAsync(node, cancellationToken);

        // One query after another: the queries share one DbContext.
        var cases = await CasesAsync(rateScope!, period, now, cancellationToken);
        var rankings = await RankingsAsync(node, rateScope!, period, now, cancellationToken);
        var hazards = await sections.HazardsAsync(db, node, period, now, cancellationToken);
        var community = node.Kind <= RateScopes.SmallestAreaForSensitive;
        var tips = community ? await sections.TipsAsync(db, node, period, now, cancellationToken) : null;
        var disputes = community ? await sections.DisputesAsync(db, node, period, now, cancellationToken) : null;
        var antiFraud = community ? await sections.AntiFraudAsync(db, node, period, now, cancellationToken) : null;
        var volunteers = community ? await sections.VolunteersAsync(db, node, period, now, cancellationToken) : null;
        var partners = await sections.PartnersAsync(db, node, period, now, cancellationToken);
        var surveys = await sections.SurveysAsync(db, node, period, now, cancellationToken);
        IReadOnlyList<string> withheld = community ? [] : ["tips", "disputes", "antiFraud", "volunteers"];

        return new DashboardReport(
            node.Ref, ancestors, periodName, new PeriodDto(period.From, period.To, period.EndAt(now)), now,
            cases, hazards, tips, disputes, antiFraud, volunteers, partners, surveys, rankings, withheld);
    }

    private async Task<List<NodeRefDto>> AncestorsAsync(DashboardNode node, CancellationToken cancellationToken)
    {
        var codes = node.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(c => c != node.Code).ToList();
        var found = await db.Nodes.AsNoTracking().Where(n => codes.Contains(n.Code))
            .Select(n => new { n.Code, n.Kind, n.Name, n.NameEn, n.Path }).ToListAsync(cancellationToken);
        return [.. found.OrderBy(n => n.Path.Length).Select(n => new NodeRefDto(n.Code, n.Kind.ToWire(), n.Name, n.NameEn))];
    }

    private async Task<CasesSection> CasesAsync(RateScope rateScope, RatePeriod period, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (lastMonthPeriod, lastYearPeriod) = (DashboardPeriods.Earlier(period, now, 1), DashboardPeriods.Earlier(period, now, 12));
        var report = await RatesQueries.ReportAsync(db, rateScope, period, now, cancellationToken);
        var lastMonth = await RatesQueries.ReportAsync(db, rateScope, lastMonthPeriod, now, cancellationToken);
        var lastYear = await RatesQueries.ReportAsync(db, rateScope, lastYearPeriod, now, cancellationToken);

        var months = new List<MonthPoint>();
        foreach (var (label, month) in DashboardPeriods.TwelveMonths(period, now))
        {
            var figures = await RatesQueries.ReportAsync(db, rateScope, month, now, cancellationToken);
            months.Add(new MonthPoint(label, figures.Reported, figures.Response, figures.Resolution, figures.Satisfaction));
        }

        return new CasesSection(
            report,
            CountChange.Of(report.Reported, lastMonth.Reported, lastYear.Reported),
            RateChange.Of(report.Response, lastMonth.Response, lastYear.Response),
            RateChange.Of(report.Resolution, lastMonth.Resolution, lastYear.Resolution),
            RateChange.Of(report.Satisfaction, lastMonth.Satisfaction, lastYear.Satisfaction),
            ByCategory(report, lastMonth, lastYear),
            new ComparedPeriods(lastMonth.Period, lastYear.Period),
            months,
            CasesDefinition);
    }

    /// <summary>Every category reported now or in either earlier period, busiest first; the withheld row (sensitive, small area) last.</summary>
    private static List<CategoryChange> ByCategory(RatesReport now, RatesReport lastMonth, RatesReport lastYear)
    {
        var all = now.ByCategory.Concat(lastMonth.ByCategory).Concat(lastYear.ByCategory).GroupBy(c => c.Code).Select(g => g.First());
        int Count(RatesReport report, string code) => report.ByCategory.FirstOrDefault(c => c.Code == code)?.Count ?? 0;
        return [.. all
            .Select(c => new CategoryChange(c.Code, c.Name, c.NameEn, c.Withheld, now.ByCategory.FirstOrDefault(x => x.Code == c.Code)?.Open ?? 0,
                CountChange.Of(Count(now, c.Code), Count(lastMonth, c.Code), Count(lastYear, c.Code))))
            .OrderBy(c => c.Withheld).ThenByDescending(c => c.Reported.Value).ThenByDescending(c => c.Reported.LastMonth).ThenBy(c => c.Code, StringComparer.Ordinal)];
    }

    public const string RankingDefinition =
        "Areas ranked by score: the mean of their response, resolution and satisfaction rates that have cases due (as /api/v1/rates/children). " +
        "Areas with nothing due are listed last, unranked. At a city the streets below are ranked, at a district its communities.";

    private async Task<Rankings> RankingsAsync(DashboardNode node, RateScope rateScope, RatePeriod period, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (node.Kind >= NodeKind.Grid)
        {
            return new Rankings([], null, [], RankingDefinition);
        }

        var children = (await RatesQueries.ChildrenAsync(db, rateScope, period, now, RankBy.Score, cancellationToken)).Children;
        if (node.Kind > NodeKind.District)
        {
            return new Rankings(children, null, [], RankingDefinition);
        }

        var below = new List<RankedArea>();
        foreach (var child in children.Where(c => NodeKinds.TryParse(c.Node.Kind, out var kind) && kind < NodeKind.Grid))
        {
            var (childScope, _, _) = await RateScopes.ResolveAsync(db, child.Node.Code, null, cancellationToken);
            var grandchildren = await RatesQueries.ChildrenAsync(db, childScope!, period, now, RankBy.Score, cancellationToken);
            below.AddRange(grandchildren.Children.Select(g => new RankedArea(null, g.Node, child.Node, g.Reported, g.Open, g.Response, g.Resolution, g.Satisfaction, g.Score)));
        }

        var ranked = below.Where(r => r.Score is not null).OrderByDescending(r => r.Score).ThenBy(r => r.Node.Code, StringComparer.Ordinal).Select((r, i) => r with { Rank = i + 1 });
        var unranked = below.Where(r => r.Score is null).OrderBy(r => r.Node.Code, StringComparer.Ordinal);
        return new Rankings(children, node.Kind == NodeKind.City ? NodeKind.Street.ToWire() : NodeKind.Community.ToWire(), [.. ranked, .. unranked], RankingDefinition);
    }
}
