using Linli.Web.Data;
using Linli.Web.Features.Cases.Intake;
using Linli.Web.Features.Departments;
using Linli.Web.Features.Tree;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.SafetyTips;

/// <summary>Where a tip is: the node, its community and district, and the police station covering it.</summary>
public sealed record TipPlace(int NodeId, string Path, int CommunityId, string CommunityName, string? CommunityNameEn, int DistrictId, int? StationId, string? Station, string? StationEn);

/// <summary>Resolves a tip's place — a node at community level or below, or a point located in the tree — and its station.</summary>
public sealed class TipPlaces(LinliDb db, SpatialIndexHolder index)
{
    public async Task<TipPlace?> ResolveAsync(string? nodeCode, double? latitude, double? longitude, List<SubmissionError> errors, CancellationToken cancellationToken)
    {
        string? code;
        if (!string.IsNullOrWhiteSpace(nodeCode))
        {
            if (latitude is not null || longitude is not null)
            {
                errors.Add(new("nodeCode", "give a place in the tree or a point, not both"));
                return null;
            }

            code = nodeCode.Trim();
        }
        else if (latitude is { } lat && longitude is { } lon)
        {
            if (!SpatialIndex.IsValidCoordinate(lat, lon))
            {
                errors.Add(new("latitude", "latitude must be within ±90 and longitude within ±180"));
                return null;
            }

            var location = (await index.GetAsync(cancellationToken)).Locate(lat, lon);
            if (location is null)
            {
                errors.Add(new("latitude", "this point is outside the area Linli serves"));
                return null;
            }

            code = location.Grid.Code;
        }
        else
        {
            errors.Add(new(latitude is null && longitude is null ? "nodeCode" : latitude is null ? "latitude" : "longitude",
                "say where: a community, grid, building or unit code, or both latitude and longitude"));
            return null;
        }

        var node = await db.Nodes.AsNoTracking().Where(n => n.Code == code).Select(n => new { n.Id, n.Kind, n.Path }).FirstOrDefaultAsync(cancellationToken);
        if (node is null || node.Kind < NodeKind.Community)
        {
            errors.Add(new("nodeCode", node is null ? $"no place has the code '{code}'" : "choose a community or a place inside one"));
            return null;
        }

        // Path: /city/district/street/community/…
        var codes = node.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var community = await db.Nodes.AsNoTracking().Where(n => n.Code == codes[3]).Select(n => new { n.Id, n.Name, n.NameEn }).SingleAsync(cancellationToken);
        var districtId = await db.Nodes.AsNoTracking().Where(n => n.Code == codes[1]).Select(n => n.Id).SingleAsync(cancellationToken);
        var station = PoliceStations.Of(await PoliceStations.ListAsync(db, cancellationToken), node.Path);
        return new TipPlace(node.Id, node.Path, community.Id, community.Name, community.NameEn, districtId, station?.Id, station?.Name, station?.NameEn);
    }
}
