using Linli.Web.Data;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NetTopologySuite.Geometries;

namespace Linli.Web.Features.Volunteers;

/// <summary>
/// How many active associations each community has against its target (its own, or the city default for urban and
/// rural communities), the communities below target by district and street, and registered volunteers per km².
/// Aggregates only: public.
/// </summary>
public sealed class Targets(LinliDb db, VolunteerAccess access, TimeProvider clock, IOptions<VolunteersOptions> options)
{
    private const int MaxTarget = 200;

    private sealed record Row(int Id, string Code, string Name, string Path, bool Rural, int Active, int? Custom, int Volunteers);

    public async Task<TargetsReport> BelowTargetAsync(string? nodeCode, CancellationToken cancellationToken)
    {
        var node = await NodeAsync(nodeCode, cancellationToken);
        var rows = await CommunitiesAsync(node.Path, cancellationToken);
        var below = rows.Select(Target).Where(c => c.Active < c.Target).ToList();
        var names = await AncestorNamesAsync(rows.Where(r => below.Any(b => b.Code == r.Code)).Select(r => r.Path), cancellationToken);
        var districts = below
            .GroupBy(c => Ancestor(rows, c.Code, 1))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(d => new DistrictBelowTarget(d.Key, names.GetValueOrDefault(d.Key, d.Key), [.. d
                .GroupBy(c => Ancestor(rows, c.Code, 2))
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(s => new StreetBelowTarget(s.Key, names.GetValueOrDefault(s.Key, s.Key), [.. s.OrderBy(c => c.Code, StringComparer.Ordinal)]))]))
            .ToList();
        return new TargetsReport(node.Code, rows.Count, below.Count, districts);
    }

    public async Task<List<CommunityFigures>> FiguresAsync(string? nodeCode, CancellationToken cancellationToken)
    {
        var node = await NodeAsync(nodeCode, cancellationToken);
        var rows = await CommunitiesAsync(node.Path, cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var shapes = await db.Nodes.AsNoTracking().Where(n => ids.Contains(n.Id)).Select(n => new { n.Id, n.Geometry }).ToDictionaryAsync(n => n.Id, n => n.Geometry, cancellationToken);
        return [.. rows.Select(r =>
        {
            var area = AreaKm2(shapes.GetValueOrDefault(r.Id));
            return new CommunityFigures(r.Code, r.Name, r.Rural, r.Active, Target(r).Target, r.Volunteers,
                area is null ? null : Math.Round(area.Value, 3), area is > 0 ? Math.Round(r.Volunteers / area.Value, 1) : null);
        })];
    }

    /// <summary>Sets a community's own target; <c>null</c> goes back to the city default.</summary>
    public async Task<CommunityTarget> SetAsync(string code, int? minimum, CancellationToken cancellationToken)
    {
        var community = await VolunteerPlaces.CommunityAsync(db, code, "code", cancellationToken);
        await access.RequireStaffAsync(community.Path, cancellationToken);
        if (minimum is < 0 or > MaxTarget)
        {
            throw new DomainRuleException("minimum", $"minimum is a number of associations from 0 to {MaxTarget}, or null for the city default");
        }

        var existing = await db.VolunteerTargets.FirstOrDefaultAsync(t => t.CommunityNodeId == community.Id, cancellationToken);
        if (minimum is null && existing is not null)
        {
            db.VolunteerTargets.Remove(existing);
        }
        else if (minimum is { } value)
        {
            existing ??= db.VolunteerTargets.Add(new CommunityVolunteerTarget { CommunityNodeId = community.Id }).Entity;
            existing.MinimumAssociations = value;
            existing.SetAt = clock.GetUtcNow();
            existing.SetByUserId = access.UserId;
        }

        await db.SaveChangesAsync(cancellationToken);
        var rows = await CommunitiesAsync(community.Path, cancellationToken);
        return Target(rows.Single());
    }

    private CommunityTarget Target(Row r) =>
        new(r.Code, r.Name, r.Rural, r.Active, r.Custom ?? options.Value.DefaultTarget(r.Rural), r.Custom is not null);

    private async Task<List<Row>> CommunitiesAsync(string path, CancellationToken cancellationToken) =>
        await db.Nodes.AsNoTracking()
            .Where(n => n.Kind == NodeKind.Community && n.Path.StartsWith(path))
            .OrderBy(n => n.Code)
            .Select(n => new Row(n.Id, n.Code, n.Name, n.Path, n.IsRural,
                db.VolunteerAssociations.Count(a => a.CommunityNodeId == n.Id && a.Status == AssociationStatus.Active),
                db.VolunteerTargets.Where(t => t.CommunityNodeId == n.Id).Select(t => (int?)t.MinimumAssociations).FirstOrDefault(),
                db.VolunteerMemberships.Where(m => db.VolunteerAssociations.Any(a => a.Id == m.AssociationId && a.CommunityNodeId == n.Id)).Select(m => m.UserId).Distinct().Count()))
            .ToListAsync(cancellationToken);

    private async Task<(string Code, string Path)> NodeAsync(string? code, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new DomainRuleException("node", "node is required: the code of an area (city, district, street or community)");
        }

        var node = await db.Nodes.AsNoTracking().Where(n => n.Code == code.Trim()).Select(n => new { n.Code, n.Path, n.Kind }).FirstOrDefaultAsync(cancellationToken);
        return node is null || node.Kind > NodeKind.Community
            ? throw new DomainRuleException("node", $"'{code}' is not the code of a city, district, street or community")
            : (node.Code, node.Path);
    }

    private static string Ancestor(List<Row> rows, string communityCode, int depth)
    {
        var parts = rows.First(r => r.Code == communityCode).Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts[Math.Min(depth, parts.Length - 1)];
    }

    private async Task<Dictionary<string, string>> AncestorNamesAsync(IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        var codes = paths.SelectMany(p => p.Split('/', StringSplitOptions.RemoveEmptyEntries)).Distinct().ToList();
        return await db.Nodes.AsNoTracking().Where(n => codes.Contains(n.Code)).ToDictionaryAsync(n => n.Code, n => n.Name, cancellationToken);
    }

    /// <summary>
    /// Area of a WGS84 polygon in km², projected locally (equirectangular at its centre latitude): within a fraction of
    /// a percent for areas the size of a community.
    /// </summary>
    public static double? AreaKm2(Geometry? geometry)
    {
        if (geometry is null || geometry.Area == 0)
        {
            return null;
        }

        const double KmPerDegree = 111.32;
        var latitude = geometry.EnvelopeInternal.Centre.Y * Math.PI / 180;
        return geometry.Area * KmPerDegree * KmPerDegree * Math.Cos(latitude);
    }
}
