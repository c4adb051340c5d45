using Linli.Web.Data;
using Linli.Web.Features.Departments;
using Linli.Web.Features.People;
using Linli.Web.Features.Rates;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.OfficerAppraisal;

/// <summary>
/// Residents' satisfaction with community officers, per officer and per police station, for holders of
/// <see cref="Permission.ViewPolicingCoverage"/> over the area, and for each officer about themselves.
/// </summary>
public sealed class OfficerAppraisalQueries(LinliDb db, ScopeAuthorizer scope, CurrentUser currentUser, IEnumerable<IOfficerRatingSource> sources, TimeProvider clock)
{
    private sealed record Officer(Guid UserId, string Name, int CommunityId, string CommunityCode, string CommunityName, string CommunityPath);

    public async Task<AppraisalReport> ForAreaAsync(string? nodeCode, string? from, string? to, CancellationToken cancellationToken)
    {
        var period = Period(from, to);
        var code = FieldRules.Text("node", nodeCode, 40, required: true)!;
        var path = await db.Nodes.AsNoTracking().Where(n => n.Code == code).Select(n => n.Path).SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainRuleException("node", $"unknown node '{code}'");
        if (!await scope.CanAsync(Permission.ViewPolicingCoverage, path, cancellationToken))
        {
            throw new DomainRuleException("node", "This area is outside the part of the tree whose policing you oversee.", StatusCodes.Status403Forbidden);
        }

        // The officers of the communities in the area, or of the community a smaller area lies in.
        var officers = await OfficersAsync(a => a.Node!.Path.StartsWith(path) || path.StartsWith(a.Node!.Path), cancellationToken);
        return await ReportAsync(code, officers, period, cancellationToken);
    }

    /// <summary>The signed-in officer's own figures.</summary>
    public async Task<AppraisalReport> ForMeAsync(string? from, string? to, CancellationToken cancellationToken)
    {
        var period = Period(from, to);
        var me = currentUser.Id;
        var isOfficer = (await currentUser.RolesAsync(cancellationToken)).Any(r => r.Role == StaffRole.CommunityPolice && scope.IsUsable(r.Role));
        if (me is null || !isOfficer)
        {
            throw new DomainRuleException("user", "Only community officers have an appraisal of their own.", StatusCodes.Status403Forbidden);
        }

        var officers = await OfficersAsync(a => a.UserId == me, cancellationToken);
        return await ReportAsync(officers.FirstOrDefault()?.CommunityCode ?? "", officers, period, cancellationToken);
    }

    private RatePeriod Period(string? from, string? to)
    {
        var (period, field, error) = RatePeriods.Parse(from, to, clock.GetUtcNow());
        return period ?? throw new DomainRuleException(field, error);
    }

    private async Task<List<Officer>> OfficersAsync(System.Linq.Expressions.Expression<Func<RoleAssignment, bool>> where, CancellationToken cancellationToken)
    {
        var rows = await db.RoleAssignments.AsNoTracking()
            .Where(a => a.Role == StaffRole.CommunityPolice && a.Node != null && a.Node.Kind == NodeKind.Community).Where(where)
            .OrderBy(a => a.Node!.Code)
            .Select(a => new Officer(a.UserId, a.User!.DisplayName, a.Node!.Id, a.Node.Code, a.Node.Name, a.Node.Path)).ToListAsync(cancellationToken);
        return [.. rows.DistinctBy(o => (o.UserId, o.CommunityId))];
    }

    private async Task<AppraisalReport> ReportAsync(string nodeCode, List<Officer> officers, RatePeriod period, CancellationToken cancellationToken)
    {
        var until = period.EndAt(clock.GetUtcNow());
        var ids = officers.Select(o => o.UserId).Distinct().ToList();
        var counted = new List<(IOfficerRatingSource Source, Dictionary<Guid, RatingCounts> Counts)>();
        foreach (var source in sources)
        {
            counted.Add((source, await source.CountAsync(ids, period.From, until, cancellationToken)));
        }

        var stations = await PoliceStations.ListAsync(db, cancellationToken);
        string? StationOf(Officer o) => PoliceStations.Of(stations, o.CommunityPath)?.Code;

        var officerRows = officers.Select(o => new OfficerFigures(o.Name, o.CommunityCode, o.CommunityName, StationOf(o),
            [.. counted.Select(c => c.Counts.GetValueOrDefault(o.UserId, RatingCounts.Zero).Figures(c.Source.Name))])).ToList();
        var stationRows = officers.GroupBy(StationOf).Select(g => new StationFigures(
            g.Key, g.Key is null ? "—" : stations.First(s => s.Code == g.Key).Name, g.Select(o => o.UserId).Distinct().Count(),
            [.. counted.Select(c => g.Select(o => o.UserId).Distinct().Aggregate(RatingCounts.Zero, (sum, id) => sum.Add(c.Counts.GetValueOrDefault(id, RatingCounts.Zero))).Figures(c.Source.Name))]))
            .OrderBy(s => s.StationCode).ToList();
        return new AppraisalReport(nodeCode, new PeriodDto(period.From, period.To, until), officerRows, stationRows, counted.ToDictionary(c => c.Source.Name, c => c.Source.Definition));
    }
}
