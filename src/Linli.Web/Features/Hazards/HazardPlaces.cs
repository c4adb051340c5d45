using Linli.Web.Data;
using Linli.Web.Features.Cases.Intake;
using Linli.Web.Features.Tree;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Hazards;

/// <summary>Where a hazard is: a tree node, and the point on the map when one was given.</summary>
public sealed record HazardPlace(int NodeId, string Code, string Path, NodeKind Kind, double? Latitude, double? Longitude);

/// <summary>Finds the place of a hazard from a node code, a point, or both (the point must then lie in or around the node).</summary>
public sealed class HazardPlaces(LinliDb db, SpatialIndexHolder spatial)
{
    /// <summary>
    /// The place, or null when there is none (the problem is in <paramref name="errors"/>). A node of the wrong kind is
    /// returned with its problem recorded, so the caller can answer "not yours" before "not valid".
    /// </summary>
    public async Task<HazardPlace?> ResolveAsync(string? nodeCode, double? latitude, double? longitude, List<SubmissionError> errors, CancellationToken cancellationToken)
    {
        var point = Point(latitude, longitude, errors);
        NodeRef? grid = null;
        if (point is { } p)
        {
            grid = (await spatial.GetAsync(cancellationToken)).Locate(p.Latitude, p.Longitude)?.Grid;
            if (grid is null)
            {
                errors.Add(new("latitude", "the point is outside the jurisdiction: no grid contains it"));
            }
        }

        var code = string.IsNullOrWhiteSpace(nodeCode) ? grid?.Code : nodeCode.Trim();
        if (code is null)
        {
            if (latitude is null && longitude is null)
            {
                errors.Add(new("nodeCode", "nodeCode is required: the code of a community, grid, building or unit (or give a point)"));
            }

            return null;
        }

        var node = await db.Nodes.AsNoTracking().Where(n => n.Code == code).Select(n => new { n.Id, n.Code, n.Path, n.Kind }).FirstOrDefaultAsync(cancellationToken);
        if (node is null)
        {
            errors.Add(new("nodeCode", $"no place has the code {code}"));
            return null;
        }

        if (node.Kind < NodeKind.Community)
        {
            errors.Add(new("nodeCode", "a hazard is placed at a community, grid, building or unit"));
        }

        if (grid is not null && grid.Code != node.Code)
        {
            var gridPath = await db.Nodes.AsNoTracking().Where(n => n.Code == grid.Code).Select(n => n.Path).FirstAsync(cancellationToken);
            if (!gridPath.StartsWith(node.Path, StringComparison.Ordinal) && !node.Path.StartsWith(gridPath, StringComparison.Ordinal))
            {
                errors.Add(new("latitude", $"the point lies in grid {grid.Code}, not at {node.Code}"));
            }
        }

        return new HazardPlace(node.Id, node.Code, node.Path, node.Kind, point?.Latitude, point?.Longitude);
    }

    private static (double Latitude, double Longitude)? Point(double? latitude, double? longitude, List<SubmissionError> errors)
    {
        if (latitude is null && longitude is null)
        {
            return null;
        }

        if (latitude is null || longitude is null)
        {
            errors.Add(new(latitude is null ? "latitude" : "longitude", "give both latitude and longitude, or neither"));
            return null;
        }

        if (!SpatialIndex.IsValidCoordinate(latitude.Value, longitude.Value))
        {
            errors.Add(new("latitude", "latitude is from -90 to 90 and longitude from -180 to 180 (WGS84 degrees)"));
            return null;
        }

        return (latitude.Value, longitude.Value);
    }
}
