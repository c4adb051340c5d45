namespace Linli.Web.Features.OfficerAppraisal;

/// <summary>Officers' appraisal from residents' ratings, and the public annual top-10 vote.</summary>
public static class OfficerAppraisalApi
{
    public static RouteGroupBuilder MapOfficerAppraisalApi(this IEndpointRouteBuilder app)
    {
        var appraisal = app.MapGroup("/api/v1/officer-appraisal").WithTags("Officer appraisal");
        appraisal.MapGet("/officers", async (string? node, string? from, string? to, OfficerAppraisalQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.ForAreaAsync(node, from, to, ct))).RequireAuthorization();
        appraisal.MapGet("/me", async (string? from, string? to, OfficerAppraisalQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.ForMeAsync(from, to, ct))).RequireAuthorization();

        appraisal.MapGet("/votes", async (string? node, OfficerVotes votes, CancellationToken ct) => TypedResults.Ok(await votes.ListAsync(node, ct)));
        appraisal.MapGet("/votes/{id:int}", async (int id, OfficerVotes votes, CancellationToken ct) => TypedResults.Ok(await votes.DetailAsync(id, ct)));
        appraisal.MapPost("/votes", async (OpenOfficerVoteRequest body, OfficerVotes votes, CancellationToken ct) =>
        {
            var id = await votes.OpenAsync(body, ct);
            return TypedResults.Created($"/api/v1/officer-appraisal/votes/{id}", await votes.DetailAsync(id, ct));
        }).RequireAuthorization();
        appraisal.MapPost("/votes/{id:int}/close", async (int id, OfficerVotes votes, CancellationToken ct) =>
        {
            await votes.CloseAsync(id, ct);
            return TypedResults.Ok(await votes.DetailAsync(id, ct));
        }).RequireAuthorization();
        appraisal.MapPost("/votes/{id:int}/ballots", async (int id, BallotRequest body, OfficerVotes votes, CancellationToken ct) =>
        {
            await votes.CastAsync(id, body, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization();
        return appraisal;
    }
}
