using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Web.Features.Mediation;

/// <summary>Dispute mediation (矛盾纠纷调解) for mediation staff and the named mediators; the counts are public aggregates.</summary>
public static class MediationApi
{
    public static RouteGroupBuilder MapMediationApi(this IEndpointRouteBuilder app)
    {
        var mediation = app.MapGroup("/api/v1/mediation").WithTags("Mediation");
        mediation.MapGet("/stats", async (string? node, string? from, string? to, MediationStats stats, CancellationToken ct) => TypedResults.Ok(await stats.ReportAsync(node, from, to, ct)));

        var work = app.MapGroup("/api/v1/mediation").WithTags("Mediation").RequireAuthorization();
        work.MapGet("/", async (MediationQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.ListAsync(ct)));
        work.MapPost("/", async (OpenMediationRequest body, MediationWork steps, MediationQueries queries, CancellationToken ct) =>
        {
            var id = await steps.OpenAsync(body, ct);
            return TypedResults.Created($"/api/v1/mediation/{id}", await queries.DetailAsync(id, ct));
        });
        work.MapGet("/{id:int}", (int id, MediationQueries queries, CancellationToken ct) => Now(queries, id, Task.CompletedTask, ct));
        work.MapPost("/{id:int}/mediators", (int id, MediatorRequest body, MediationWork steps, MediationQueries queries, CancellationToken ct) => Now(queries, id, steps.AddMediatorAsync(id, body, ct), ct));
        work.MapPost("/{id:int}/sessions", (int id, SessionRequest body, MediationWork steps, MediationQueries queries, CancellationToken ct) => Now(queries, id, steps.AddSessionAsync(id, body, ct), ct));
        work.MapPost("/{id:int}/outcome", (int id, OutcomeRequest body, MediationWork steps, MediationQueries queries, CancellationToken ct) => Now(queries, id, steps.RecordOutcomeAsync(id, body, ct), ct));
        work.MapPost("/{id:int}/follow-up", (int id, FollowUpRequest body, MediationWork steps, MediationQueries queries, CancellationToken ct) => Now(queries, id, steps.RecordFollowUpAsync(id, body, ct), ct));
        return work;
    }

    private static async Task<Ok<MediationDto>> Now(MediationQueries queries, int id, Task change, CancellationToken ct)
    {
        await change;
        return TypedResults.Ok(await queries.DetailAsync(id, ct));
    }
}
