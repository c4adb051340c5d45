using System.Globalization;
using Linli.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Web.Features.Tree;

public static class Locate
{
    /// <summary>The grid that contains a WGS84 point, its ancestors, and the nearest building within 50 m.</summary>
    public static async Task<Results<Ok<LocateResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "lat")] string? latitudeText, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "long")] string? longitudeText, SpatialIndexHolder holder, CancellationToken cancellationToken)
    {
        if (!TryCoordinate(latitudeText, -90, 90, out var latitude))
        {
            return Problems.Invalid("lat", "lat must be a number from -90 to 90 (WGS84 degrees)");
        }

        if (!TryCoordinate(longitudeText, -180, 180, out var longitude))
        {
            return Problems.Invalid("long", "long must be a number from -180 to 180 (WGS84 degrees)");
        }

        var index = await holder.GetAsync(cancellationToken);
        var location = index.Locate(latitude, longitude);
        if (location is null)
        {
            return Problems.NotFound($"The point ({latitude}, {longitude}) is outside the jurisdiction: no grid contains it.");
        }

        var building = location.NearestBuilding;
        return TypedResults.Ok(new LocateResponse(
            NodeRefDto.From(location.Grid),
            [.. location.Ancestors.Select(NodeRefDto.From)],
            building is null ? null : new NearbyBuildingDto(building.Building.Code, building.Building.Name, building.Building.NameEn, building.DistanceMeters)));
    }

    private static bool TryCoordinate(string? text, double min, double max, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value) && value >= min && value <= max;
}
