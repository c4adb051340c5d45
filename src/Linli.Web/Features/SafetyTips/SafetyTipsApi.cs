using Linli.Web.Infrastructure;
using Linli.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Web.Features.SafetyTips;

/// <summary>
/// Safety tips: anyone sends one and follows it up with the receipt (in the body, never the URL); officers triage the
/// tips of their areas; the monthly counts are public. Refusals are ProblemDetails naming the field; 429 past the limits.
/// </summary>
public static class SafetyTipsApi
{
    public static RouteGroupBuilder MapSafetyTipsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/tips").WithTags("Safety tips");
        api.MapPost("/", async Task<Created<SubmittedTip>> (SubmitTipRequest request, TipSubmissions tips, HttpContext http, CancellationToken ct) =>
        {
            NoStore(http);
            return TypedResults.Created("/api/v1/tips/follow-up", await tips.SubmitAsync(request, ct));
        });
        api.MapPost("/follow-up", async Task<Results<Ok<TipFollowUpView>, ProblemHttpResult>> (FollowUpRequest request, TipFollowUp followUp, HttpContext http, CancellationToken ct) =>
        {
            NoStore(http);
            return await followUp.ViewAsync(request.Receipt, ct) is { } view ? TypedResults.Ok(view) : Problems.NotFound("No tip has this receipt.");
        });
        api.MapPost("/follow-up/answers", async Task<Ok<TipFollowUpView>> (AnswerRequest request, TipFollowUp followUp, HttpContext http, CancellationToken ct) =>
        {
            NoStore(http);
            return TypedResults.Ok(await followUp.AnswerAsync(request, ct));
        });
        api.MapGet("/stats", async Task<Results<Ok<TipStats>, ValidationProblem>> (int? months, TipStatistics stats, CancellationToken ct) =>
            months is < 1 or > TipStatistics.MaxMonths
                ? Problems.Invalid("months", $"months is between 1 and {TipStatistics.MaxMonths}")
                : TypedResults.Ok(await stats.MonthlyAsync(months ?? 12, ct)));

        var triage = api.MapGroup("").RequireAuthorization();
        triage.MapGet("/inbox", async Task<Results<Ok<IReadOnlyList<TipInboxItem>>, ValidationProblem>> (string? view, int? take, TipTriage tips, CancellationToken ct) =>
        {
            if (!EnumNames.TryParse<TipInboxView>(view ?? "open", out var wanted))
            {
                return Problems.Invalid("view", "view must be open, closed or all");
            }

            return take is < 1 or > 500
                ? Problems.Invalid("take", "take must be between 1 and 500")
                : TypedResults.Ok(await tips.InboxAsync(wanted, take ?? 200, ct));
        });
        triage.MapGet("/{id:long}", async Task<Results<Ok<TipDetail>, ProblemHttpResult>> (long id, TipTriage tips, CancellationToken ct) =>
            await tips.GetAsync(id, ct) is { } tip ? TypedResults.Ok(tip) : Problems.NotFound($"No tip #{id}."));
        triage.MapPost("/{id:long}/questions", async Task<Ok<TipDetail>> (long id, AskRequest request, TipTriage tips, CancellationToken ct) =>
        {
            await tips.AskAsync(id, request, ct);
            return TypedResults.Ok((await tips.GetAsync(id, ct))!);
        });
        triage.MapPost("/{id:long}/outcome", async Task<Ok<TipDetail>> (long id, OutcomeRequest request, TipTriage tips, CancellationToken ct) =>
        {
            await tips.RecordOutcomeAsync(id, request, ct);
            return TypedResults.Ok((await tips.GetAsync(id, ct))!);
        });
        triage.MapPost("/{id:long}/case", async Task<Ok<TipDetail>> (long id, LinkCaseRequest request, TipTriage tips, CancellationToken ct) =>
        {
            await tips.LinkCaseAsync(id, request, ct);
            return TypedResults.Ok((await tips.GetAsync(id, ct))!);
        });
        return api;
    }

    /// <summary>Receipts and tips are for the one who holds them: no cache along the way may keep a copy.</summary>
    private static void NoStore(HttpContext http) => http.Response.Headers.CacheControl = "no-store";
}
