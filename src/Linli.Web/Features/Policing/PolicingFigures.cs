using Linli.Web.Data;
using Linli.Web.Features.Departments;
using Linli.Web.Features.People;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure.Problems;
using Linli.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.Policing;

/// <summary>
/// Coverage of communities by officers, weekly half-day compliance and visit campaign counts for a node at community level
/// or above. Officers are staff, named as the people-in-roles view names them; no resident appears in any figure.
/// </summary>
public sealed class PolicingFigures(LinliDb db, PolicingAccess access, HalfDays halfDays, IOptions<PolicingOptions> options)
{
    private const int MaxPeriodDays = 366;


    private sealed record Community(int Id, string Code, string Name, string? NameEn, string Path, int? StreetId);

    private sealed record Officer(Guid UserId, string Name, int CommunityId);

    public async Task<CoverageReport> CoverageAsync(string? nodeCode, CancellationToken cancellationToken)
    {
        var node = await AreaAsync(nodeCode, cancellationToken);
        var communities = await CommunitiesAsync(node.Path, cancellationToken);
        var officers = await OfficersAsync(node.Path, cancellationToken);
        var stations = await PoliceStations.ListAsync(db, cancellationToken);
        var streetIds = communities.Where(c => c.StreetId is not null).Select(c => c.StreetId!.Value).Distinct().ToList();
        var streets = await db.Nodes.AsNoTracking().Where(n => streetIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => new { n.Code, n.Name, n.NameEn }, cancellationToken);

        var rows = communities.Select(c => new CommunityCoverage(c.Code, c.Name, c.NameEn,
            c.StreetId is { } s && streets.TryGetValue(s, out var street) ? street.Code : null,
            PoliceStations.Of(stations, c.Path)?.Code,
            [.. officers.Where(o => o.CommunityId == c.Id).Select(o => o.Name).Distinct().Order(StringComparer.Ordinal)])).ToList();

        var byStation = rows.GroupBy(r => r.StationCode).Select(g =>
        {
            var station = stations.FirstOrDefault(s => s.Code == g.Key);
            return Group(g.Key, station?.Name ?? "", station?.NameEn, g);
        }).OrderBy(g => g.Code is null).ThenBy(g => g.Code, StringComparer.Ordinal).ToList();
        var byStreet = rows.GroupBy(r => r.StreetCode).Select(g =>
        {
            var street = streets.Values.FirstOrDefault(s => s.Code == g.Key);
            return Group(g.Key, street?.Name ?? "", street?.NameEn, g);
        }).OrderBy(g => g.Code, StringComparer.Ordinal).ToList();

        var covered = rows.Count(r => r.Covered);
        return new CoverageReport(node.Code, rows.Count, covered, rows.Count - covered, byStation, byStreet,
            [.. rows.OrderBy(r => r.Covered).ThenBy(r => r.Code, StringComparer.Ordinal)]);
    }

    /// <summary>Half-days each officer of the area logged in the week (Monday–Sunday, China time) holding <paramref name="day"/>, against the target.</summary>
    public async Task<ComplianceReport> ComplianceAsync(string? nodeCode, DateOnly? day, CancellationToken cancellationToken)
    {
        var node = await AreaAsync(nodeCode, cancellationToken);
        var start = ChinaCalendar.WeekStart(day ?? halfDays.Now().Date);
        var end = start.AddDays(6);
        var target = options.Value.HalfDaysPerWeekTarget;
        var officers = await OfficersAsync(node.Path, cancellationToken);
        var communities = (await CommunitiesAsync(node.Path, cancellationToken)).ToDictionary(c => c.Id);
        var stations = await PoliceStations.ListAsync(db, cancellationToken);
        var userIds = officers.Select(o => o.UserId).Distinct().ToList();
        var counts = await db.PolicingHalfDays.AsNoTracking().Where(h => userIds.Contains(h.OfficerUserId) && h.Date >= start && h.Date <= end)
            .GroupBy(h => h.OfficerUserId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);

        var rows = officers.GroupBy(o => o.UserId).Select(g =>
        {
            var codes = g.Select(o => communities[o.CommunityId]).OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
            var count = counts.GetValueOrDefault(g.Key);
            return new OfficerCompliance(g.First().Name, [.. codes.Select(c => c.Code)], PoliceStations.Of(stations, codes[0].Path)?.Code, count, target, count >= target);
        }).OrderBy(o => o.Met).ThenBy(o => o.CommunityCodes[0], StringComparer.Ordinal).ToList();

        var byStation = rows.GroupBy(r => r.StationCode).Select(g =>
        {
            var station = stations.FirstOrDefault(s => s.Code == g.Key);
            return new StationCompliance(g.Key, station?.Name ?? "", station?.NameEn, g.Count(), g.Count(o => o.Met), g.Sum(o => o.HalfDays), g.Count() * target);
        }).OrderBy(s => s.Code is null).ThenBy(s => s.Code, StringComparer.Ordinal).ToList();
        return new ComplianceReport(node.Code, start, end, target, rows, byStation);
    }

    /// <summary>
    /// What the visits of the area counted from <paramref name="from"/> to <paramref name="to"/> (China dates, both
    /// included). A partner is one organisation wherever visited; a named one is told apart by its community.
    /// </summary>
    public async Task<CampaignCounts> CampaignAsync(string? nodeCode, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var node = await AreaAsync(nodeCode, cancellationToken);
        var last = to ?? halfDays.Now().Date;
        var first = from ?? last.AddDays(-27);
        if (first > last || last.DayNumber - first.DayNumber >= MaxPeriodDays)
        {
            throw new DomainRuleException("from", $"from is on or before to, and the period at most {MaxPeriodDays} days");
        }

        var inArea = db.PolicingHalfDays.AsNoTracking().Where(h => h.CommunityPath.StartsWith(node.Path) && h.Date >= first && h.Date <= last);
        var visits = await db.PolicingVisits.AsNoTracking().Where(v => inArea.Any(h => h.Id == v.HalfDayId))
            .Select(v => new { v.Kind, v.UnitNodeId, v.PartnerId, v.OrganisationName, v.HalfDay!.CommunityNodeId, HasConcern = v.Concern != null, HasCase = v.CaseId != null })
            .ToListAsync(cancellationToken);
        var patrols = await db.PolicingPatrols.AsNoTracking().Where(p => inArea.Any(h => h.Id == p.HalfDayId)).Select(p => p.Minutes).ToListAsync(cancellationToken);
        var checks = await db.FacilityChecks.AsNoTracking().Where(c => inArea.Any(h => h.Id == c.HalfDayId)).Select(c => c.Status).ToListAsync(cancellationToken);
        var households = visits.Where(v => v.Kind == VisitKind.Household).ToList();
        var organisations = visits.Where(v => v.Kind == VisitKind.Organisation).ToList();
        return new CampaignCounts(node.Code, first, last, await inArea.CountAsync(cancellationToken),
            households.Count, households.Select(v => v.UnitNodeId).Distinct().Count(),
            organisations.Count, organisations.Select(v => v.PartnerId is { } p ? "#" + p : $"{v.CommunityNodeId}:{v.OrganisationName!.ToUpperInvariant()}").Distinct().Count(),
            visits.Count(v => v.HasConcern), visits.Count(v => v.HasCase),
            patrols.Count, patrols.Sum(), checks.Count, checks.Count(s => s == FacilityStatus.NeedsRepair));
    }

    private async Task<PolicingPlace> AreaAsync(string? nodeCode, CancellationToken cancellationToken)
    {
        var node = await access.CoverageNodeAsync(nodeCode, cancellationToken);
        return node.Kind <= NodeKind.Community
            ? node
            : throw new DomainRuleException("node", "policing figures are for a community or a larger area");
    }

    private async Task<List<Community>> CommunitiesAsync(string path, CancellationToken cancellationToken) =>
        await db.Nodes.AsNoTracking().Where(n => n.Kind == NodeKind.Community && n.Path.StartsWith(path)).OrderBy(n => n.Code)
            .Select(n => new Community(n.Id, n.Code, n.Name, n.NameEn, n.Path, n.ParentId)).ToListAsync(cancellationToken);

    /// <summary>Community officers: CommunityPolice roles held at a community node of the area.</summary>
    private async Task<List<Officer>> OfficersAsync(string path, CancellationToken cancellationToken) =>
        await db.RoleAssignments.AsNoTracking()
            .Where(a => a.Role == StaffRole.CommunityPolice && a.Node != null && a.Node.Kind == NodeKind.Community && a.Node.Path.StartsWith(path))
            .Select(a => new Officer(a.UserId, a.User!.DisplayName, a.NodeId!.Value)).ToListAsync(cancellationToken);

    private static CoverageGroup Group(string? code, string name, string? nameEn, IEnumerable<CommunityCoverage> rows)
    {
        var list = rows.ToList();
        var covered = list.Count(r => r.Covered);
        return new CoverageGroup(code, name, nameEn, list.Count, covered, list.Count - covered);
    }
}
