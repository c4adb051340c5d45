namespace Linli.Web.Features.FollowUps;

/// <summary>
/// Rating links (public: the token is the key; GET shows, only POST records) and satisfaction figures (per unit and
/// area public, per officer for <c>ViewSatisfaction</c>).
/// </summary>
public static class FollowUpsApi
{
    public static IEndpointRouteBuilder MapFollowUpsApi(this IEndpointRouteBuilder app)
    {
        var followUps = app.MapGroup("/api/v1/followups").WithTags("Follow-ups");
        followUps.MapGet("/{token}", async (string token, FollowUpRatings ratings, CancellationToken ct) => TypedResults.Ok(await ratings.ViewAsync(token, ct)));
        followUps.MapPost("/{token}", async (string token, RateFollowUpRequest body, FollowUpRatings ratings, CancellationToken ct) =>
        {
            await ratings.RateAsync(token, body, ct);
            return TypedResults.Ok(await ratings.ViewAsync(token, ct));
        }).RequireRateLimiting("reports");

        var satisfaction = app.MapGroup("/api/v1/satisfaction").WithTags("Follow-ups");
        satisfaction.MapGet("/", async (string? node, string? period, string? from, string? to, SatisfactionQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.ReportAsync(node, period, from, to, ct)));
        satisfaction.MapGet("/officers", async (string? node, string? period, string? from, string? to, SatisfactionQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.OfficersAsync(node, period, from, to, ct))).RequireAuthorization();
        return app;
    }
}
