using Linli.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Web.Features.Policing;

/// <summary>
/// Community policing: officers log their half-days in the community and what they did; coverage holders see which
/// communities have an officer, weekly compliance and campaign counts. Every handler asks <see cref="PolicingAccess"/>.
/// </summary>
public static class PolicingApi
{
    public static RouteGroupBuilder MapPolicingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/policing").WithTags("Policing").RequireAuthorization();

        api.MapGet("/coverage", async (string? node, PolicingFigures f, CancellationToken ct) => TypedResults.Ok(await f.CoverageAsync(node, ct)));
        api.MapGet("/compliance", async (string? node, DateOnly? week, PolicingFigures f, CancellationToken ct) => TypedResults.Ok(await f.ComplianceAsync(node, week, ct)));
        api.MapGet("/campaign", async (string? node, DateOnly? from, DateOnly? to, PolicingFigures f, CancellationToken ct) => TypedResults.Ok(await f.CampaignAsync(node, from, to, ct)));

        api.MapGet("/half-days", async (DateOnly? week, HalfDays h, CancellationToken ct) => TypedResults.Ok(await h.MineAsync(week, ct)));
        api.MapPost("/half-days", async (HalfDayRequest body, HalfDays h, CancellationToken ct) =>
        {
            var id = await h.StartAsync(body, ct);
            return TypedResults.Created($"/api/v1/policing/half-days/{id}", new CreatedId(id));
        });
        api.MapGet("/half-days/{id:int}", GetHalfDayAsync);
        api.MapPost("/half-days/{id:int}/patrols", async (int id, PatrolRequest body, HalfDays h, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/policing/half-days/{id}", new CreatedId(await h.AddPatrolAsync(id, body, ct))));
        api.MapPost("/half-days/{id:int}/visits", async (int id, VisitRequest body, HalfDays h, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/policing/half-days/{id}", new CreatedId(await h.AddVisitAsync(id, body, ct))));
        api.MapPost("/half-days/{id:int}/checks", async (int id, FacilityCheckRequest body, HalfDays h, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/policing/half-days/{id}", new CreatedId(await h.AddCheckAsync(id, body, ct))));
        api.MapPost("/visits/{id:int}/case", async (int id, ConcernCaseRequest body, ConcernCases c, CancellationToken ct) =>
        {
            var number = await c.FileAsync(id, body, ct);
            return TypedResults.Created($"/api/v1/work/cases/{number}", new CaseFiled(number));
        });
        return api;
    }

    private static async Task<Results<Ok<HalfDayDetail>, ProblemHttpResult>> GetHalfDayAsync(int id, HalfDays h, CancellationToken ct) =>
        await h.DetailAsync(id, ct) is { } detail ? TypedResults.Ok(detail) : Problems.NotFound($"No half-day #{id}.");
}
