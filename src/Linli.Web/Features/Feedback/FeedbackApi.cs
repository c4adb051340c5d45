using Linli.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Web.Features.Feedback;

/// <summary>
/// The public feedback channel: walls, posts and work plans are public (private posts only to author and unit); posting,
/// following and flagging need a sign-in; replies, adoption and progress are for those who speak for the unit; hiding is
/// for moderators. The resident's words have no update endpoint. Writes share the "feedback" per-network limit.
/// </summary>
public static class FeedbackApi
{
    public const string RateLimitPolicy = "feedback";

    public static RouteGroupBuilder MapFeedbackApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/feedback").WithTags("Feedback").RequireRateLimiting(RateLimitPolicy);

        api.MapGet("/units", async Task<Results<Ok<IReadOnlyList<FeedbackUnit>>, ValidationProblem>> (string? under, string? q, FeedbackUnits units, CancellationToken ct) =>
            q is { Length: > 40 } ? Problems.Invalid("q", "q is at most 40 characters") : TypedResults.Ok(await units.ListAsync(under, q, ct)));
        api.MapGet("/units/{unit}", async Task<Results<Ok<UnitView>, ValidationProblem>> (string unit, FeedbackQueries queries, CancellationToken ct) =>
            FeedbackUnitKey.TryParse(unit, out var key) ? TypedResults.Ok(await queries.UnitViewAsync(key, ct)) : BadUnit());
        api.MapGet("/units/{unit}/posts", async Task<Results<Ok<IReadOnlyList<PostView>>, ValidationProblem>> (string unit, int? take, FeedbackQueries queries, CancellationToken ct) =>
            !FeedbackUnitKey.TryParse(unit, out var key) ? BadUnit()
            : take is < 1 or > FeedbackQueries.MaxWall ? Problems.Invalid("take", $"take is between 1 and {FeedbackQueries.MaxWall}")
            : TypedResults.Ok(await queries.WallAsync(key, take ?? 50, ct)));
        api.MapGet("/units/{unit}/plan", async Task<Results<Ok<PlanView>, ValidationProblem>> (string unit, FeedbackQueries queries, CancellationToken ct) =>
            FeedbackUnitKey.TryParse(unit, out var key) ? TypedResults.Ok(await queries.PlanAsync(key, ct)) : BadUnit());
        api.MapGet("/posts/{id:long}", async Task<Ok<PostView>> (long id, FeedbackQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.PostAsync(id, ct)));

        var signedIn = api.MapGroup("").RequireAuthorization();
        signedIn.MapPost("/units/{unit}/posts", async Task<Results<Created<PostView>, ValidationProblem>> (string unit, NewPostRequest request, FeedbackPosting posting, FeedbackQueries queries, CancellationToken ct) =>
        {
            if (!FeedbackUnitKey.TryParse(unit, out var key))
            {
                return BadUnit();
            }

            var id = await posting.PostAsync(key, request, ct);
            return TypedResults.Created($"/api/v1/feedback/posts/{id}", await queries.PostAsync(id, ct));
        });
        signedIn.MapPost("/posts/{id:long}/follow", async Task<Ok<FollowView>> (long id, FeedbackPosting posting, CancellationToken ct) =>
            TypedResults.Ok(await posting.FollowAsync(id, follow: true, ct)));
        signedIn.MapDelete("/posts/{id:long}/follow", async Task<Ok<FollowView>> (long id, FeedbackPosting posting, CancellationToken ct) =>
            TypedResults.Ok(await posting.FollowAsync(id, follow: false, ct)));
        signedIn.MapPost("/posts/{id:long}/flags", async Task<NoContent> (long id, FlagRequest request, FeedbackPosting posting, CancellationToken ct) =>
        {
            await posting.FlagAsync(id, request, ct);
            return TypedResults.NoContent();
        });
        signedIn.MapPost("/posts/{id:long}/replies", async Task<Ok<PostView>> (long id, ReplyRequest request, FeedbackResponses responses, FeedbackQueries queries, CancellationToken ct) =>
        {
            await responses.ReplyAsync(id, request, ct);
            return TypedResults.Ok(await queries.PostAsync(id, ct));
        });
        signedIn.MapPost("/posts/{id:long}/adopt", async Task<Ok<PostView>> (long id, AdoptRequest request, FeedbackResponses responses, FeedbackQueries queries, CancellationToken ct) =>
        {
            await responses.AdoptAsync(id, request, ct);
            return TypedResults.Ok(await queries.PostAsync(id, ct));
        });
        signedIn.MapPost("/posts/{id:long}/hide", async Task<NoContent> (long id, HideRequest request, FeedbackResponses responses, CancellationToken ct) =>
        {
            await responses.HideAsync(id, request, ct);
            return TypedResults.NoContent();
        });
        signedIn.MapPost("/posts/{id:long}/unhide", async Task<NoContent> (long id, FeedbackResponses responses, CancellationToken ct) =>
        {
            await responses.UnhideAsync(id, ct);
            return TypedResults.NoContent();
        });
        signedIn.MapPost("/commitments/{id:long}/progress", async Task<NoContent> (long id, ProgressRequest request, FeedbackResponses responses, CancellationToken ct) =>
        {
            await responses.ProgressAsync(id, request, ct);
            return TypedResults.NoContent();
        });
        signedIn.MapGet("/inbox", async Task<Results<Ok<IReadOnlyList<InboxItem>>, ValidationProblem>> (int? take, FeedbackInbox inbox, CancellationToken ct) =>
            take is < 1 or > 500 ? Problems.Invalid("take", "take is between 1 and 500") : TypedResults.Ok(await inbox.InboxAsync(take ?? 200, ct)));
        signedIn.MapGet("/flagged", async Task<Results<Ok<IReadOnlyList<InboxItem>>, ValidationProblem>> (int? take, FeedbackInbox inbox, CancellationToken ct) =>
            take is < 1 or > 500 ? Problems.Invalid("take", "take is between 1 and 500") : TypedResults.Ok(await inbox.FlaggedAsync(take ?? 200, ct)));
        return api;
    }

    private static ValidationProblem BadUnit() => Problems.Invalid("unit", "unit is d<department id> or n<node id>");
}
