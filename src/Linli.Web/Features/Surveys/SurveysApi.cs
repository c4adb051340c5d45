using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Web.Features.Surveys;

/// <summary>Surveys and priority votes: building and results for staff, answering for residents, public aggregates, plans and indices.</summary>
public static class SurveysApi
{
    public static RouteGroupBuilder MapSurveysApi(this IEndpointRouteBuilder app)
    {
        var surveys = app.MapGroup("/api/v1/surveys").WithTags("Surveys");
        surveys.MapGet("/", async (string? node, SurveyQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.PublishedAsync(node, ct)));
        surveys.MapGet("/indices", async (string? node, string? quarter, SurveyIndices indices, CancellationToken ct) => TypedResults.Ok(await indices.ForAsync(node, quarter, ct)));
        surveys.MapGet("/{id:int}", async (int id, SurveyQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.DetailAsync(id, ct)));

        var staff = surveys.MapGroup("").RequireAuthorization();
        staff.MapGet("/manage", async (SurveyQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.ManagedAsync(ct)));
        staff.MapPost("/", CreateAsync);
        staff.MapPut("/{id:int}", async (int id, UpdateSurveyRequest body, SurveyBuilder builder, SurveyQueries queries, CancellationToken ct) =>
        {
            await builder.UpdateAsync(id, body, ct);
            return TypedResults.Ok(await queries.DetailAsync(id, ct));
        });
        staff.MapPost("/{id:int}/questions", async (int id, AddQuestionRequest body, SurveyBuilder builder, SurveyQueries queries, CancellationToken ct) =>
        {
            await builder.AddQuestionAsync(id, body, ct);
            return TypedResults.Created($"/api/v1/surveys/{id}", await queries.DetailAsync(id, ct));
        });
        staff.MapDelete("/{id:int}/questions/{questionId:int}", async (int id, int questionId, SurveyBuilder builder, CancellationToken ct) =>
        {
            await builder.RemoveQuestionAsync(id, questionId, ct);
            return TypedResults.NoContent();
        });
        staff.MapPost("/{id:int}/publish", async (int id, SurveyBuilder builder, SurveyQueries queries, CancellationToken ct) =>
        {
            await builder.PublishAsync(id, ct);
            return TypedResults.Ok(await queries.DetailAsync(id, ct));
        });
        staff.MapPost("/{id:int}/close", async (int id, SurveyBuilder builder, SurveyQueries queries, CancellationToken ct) =>
        {
            await builder.CloseAsync(id, ct);
            return TypedResults.Ok(await queries.DetailAsync(id, ct));
        });
        staff.MapGet("/{id:int}/results", async (int id, SurveyResults results, CancellationToken ct) => TypedResults.Ok(await results.ForStaffAsync(id, ct)));
        staff.MapGet("/{id:int}/results.csv", async (int id, SurveyResults results, CancellationToken ct) =>
            TypedResults.Text(await results.ResultsCsvAsync(id, ct), "text/csv; charset=utf-8"));
        staff.MapGet("/{id:int}/responses.csv", async (int id, SurveyResults results, CancellationToken ct) =>
            TypedResults.Text(await results.ResponsesCsvAsync(id, ct), "text/csv; charset=utf-8"));
        staff.MapPost("/{id:int}/responses", async (int id, ResponseRequest body, SurveyAnswering answering, CancellationToken ct) =>
        {
            await answering.RespondAsync(id, body, ct);
            return TypedResults.NoContent();
        }).RequireRateLimiting(SurveyRules.AnswersRateLimit);
        staff.MapPost("/{id:int}/plan", async (int id, PlanRequest body, SurveyPlans plans, SurveyQueries queries, CancellationToken ct) =>
        {
            await plans.PublishAsync(id, body, ct);
            return TypedResults.Created($"/api/v1/surveys/{id}", await queries.DetailAsync(id, ct));
        });
        staff.MapPost("/{id:int}/plan/reports", async (int id, PlanReportRequest body, SurveyPlans plans, SurveyQueries queries, CancellationToken ct) =>
        {
            await plans.ReportBackAsync(id, body, ct);
            return TypedResults.Created($"/api/v1/surveys/{id}", await queries.DetailAsync(id, ct));
        });
        return surveys;
    }

    private static async Task<Created<SurveyDto>> CreateAsync(CreateSurveyRequest body, SurveyBuilder builder, SurveyQueries queries, CancellationToken ct)
    {
        var id = await builder.CreateAsync(body, ct);
        return TypedResults.Created($"/api/v1/surveys/{id}", await queries.DetailAsync(id, ct));
    }
}
