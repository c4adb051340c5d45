using Linli.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Web.Features.Dashboards;

/// <summary>
/// The staff dashboard as JSON: for holders of <see cref="Infrastructure.Auth.Permission.ViewDashboards"/> over the
/// node (never police: the dashboard mixes volunteer and survey figures, which never feed policing views).
/// </summary>
public static class DashboardsApi
{
    public static RouteGroupBuilder MapDashboardsApi(this IEndpointRouteBuilder app)
    {
        var dashboards = app.MapGroup("/api/v1/dashboards").WithTags("Dashboards").RequireAuthorization();
        dashboards.MapGet("/", GetAsync);
        return dashboards;
    }

    private static async Task<Results<Ok<DashboardReport>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string? node, string? period, string? from, string? until, DashboardQueries queries, TimeProvider clock, CancellationToken cancellationToken)
    {
        // The right comes before any other answer: a caller without it learns nothing about the node.
        var place = await queries.NodeAsync(node, cancellationToken);
        if (!await queries.CanViewAsync(place, cancellationToken))
        {
            return Problems.Forbidden("Your roles do not include dashboards for this area.");
        }

        var (range, name, field, error) = DashboardPeriods.Parse(period, from, until, clock.GetUtcNow());
        return range is null ? Problems.Invalid(field, error) : TypedResults.Ok(await queries.BuildAsync(place.Code, range, name, cancellationToken));
    }
}
