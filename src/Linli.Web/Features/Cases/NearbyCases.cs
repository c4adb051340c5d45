using Linli.Web.Data;
using Linli.Web.Features.Tree;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace Linli.Web.Features.Cases;

public sealed record NearbyCase(long Number, string State, string Description, DateTimeOffset ReportedAt, double DistanceMeters);

/// <summary>
/// Open cases of the same category near a place, so a resident can follow one rather than report it again. Sensitive
/// categories are never listed: a fraud or safety report must not point at a household.
/// </summary>
public static class NearbyCases
{
    private const double MetersPerDegree = 111_320;
    private static readonly CaseState[] Closed = [CaseState.Closed, CaseState.Cancelled, CaseState.Duplicate];

    public static async Task<IReadOnlyList<NearbyCase>> FindAsync(LinliDb db, CaseCategory category, double latitude, double longitude, double radiusMeters, CancellationToken cancellationToken)
    {
        if (category.IsSensitive)
        {
            return [];
        }

        var dLat = radiusMeters / MetersPerDegree;
        var dLon = radiusMeters / (MetersPerDegree * Math.Max(0.01, Math.Cos(latitude * Math.PI / 180)));
        var candidates = await db.Cases.AsNoTracking()
            .Where(c => c.CategoryId == category.Id && !Closed.Contains(c.State)
                && c.Latitude >= latitude - dLat && c.Latitude <= latitude + dLat
                && c.Longitude >= longitude - dLon && c.Longitude <= longitude + dLon)
            .OrderByDescending(c => c.ReportedAt).Take(200)
            .Select(c => new { c.Id, c.State, c.Description, c.ReportedAt, c.Latitude, c.Longitude })
            .ToListAsync(cancellationToken);

        var here = new Coordinate(longitude, latitude);
        return [.. candidates
            .Select(c => new NearbyCase(c.Id, c.State.ToString(), c.Description.Length > 200 ? c.Description[..200] + "…" : c.Description, c.ReportedAt,
                Math.Round(SpatialIndex.Haversine(here, new Coordinate(c.Longitude, c.Latitude)), 1)))
            .Where(c => c.DistanceMeters <= radiusMeters)
            .OrderBy(c => c.DistanceMeters)
            .Take(20)];
    }
}
