using Linli.Web.Data;
using Linli.Web.Infrastructure;
using Linli.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Web.Features.Rates;

/// <summary>
/// The three rates for a node or a department. Public: they are counts with no personal data ("public views show
/// aggregates only"), they stop at grid level, and sensitive categories are not broken down below a community. Read
/// from the replica when one is configured (<see cref="ReadReplica"/>).
/// </summary>
public static class RatesApi
{
    public static RouteGroupBuilder MapRatesApi(this IEndpointRouteBuilder app)
    {
        var rates = app.MapGroup("/api/v1/rates").WithTags("Rates");
        rates.MapGet("/", GetAsync);
        rates.MapGet("/children", ChildrenAsync);
        return rates;
    }

    private static async Task<Results<Ok<RatesReport>, ValidationProblem>> GetAsync(
        string? node, string? department, string? from, string? to, [FromKeyedServices(ReadReplica.Key)] LinliDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (period, periodField, periodError) = RatePeriods.Parse(from, to, now);
        if (period is null)
        {
            return Problems.Invalid(periodField, periodError);
        }

        var (scope, scopeField, scopeError) = await RateScopes.ResolveAsync(db, node, department, cancellationToken);
        return scope is null ? Problems.Invalid(scopeField, scopeError) : TypedResults.Ok(await RatesQueries.ReportAsync(db, scope, period, now, cancellationToken));
    }

    private static async Task<Results<Ok<ChildrenReport>, ValidationProblem>> ChildrenAsync(
        string? node, string? department, string? from, string? to, string? sort, [FromKeyedServices(ReadReplica.Key)] LinliDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(node))
        {
            return Problems.Invalid("node", "node is required: the children of which node?");
        }

        var rankBy = RankBy.Score;
        if (sort is not null && !EnumNames.TryParse(sort, out rankBy))
        {
            return Problems.Invalid("sort", $"sort must be one of {string.Join(", ", Enum.GetNames<RankBy>())}");
        }

        var now = clock.GetUtcNow();
        var (period, periodField, periodError) = RatePeriods.Parse(from, to, now);
        if (period is null)
        {
            return Problems.Invalid(periodField, periodError);
        }

        var (scope, scopeField, scopeError) = await RateScopes.ResolveAsync(db, node, department, cancellationToken);
        return scope is null ? Problems.Invalid(scopeField, scopeError) : TypedResults.Ok(await RatesQueries.ChildrenAsync(db, scope, period, now, rankBy, cancellationToken));
    }
}
