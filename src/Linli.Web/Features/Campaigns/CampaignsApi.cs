using Linli.Web.Features.Cases.Intake;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Web.Features.Campaigns;

/// <summary>Campaigns: launch and end (street staff), progress aggregates (down to grid chiefs), and the chiefs' tasks.</summary>
public static class CampaignsApi
{
    public static RouteGroupBuilder MapCampaignsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/campaigns").WithTags("Campaigns").RequireAuthorization();
        api.MapPost("/", async Task<Created<CampaignLaunched>> (LaunchCampaignRequest request, CampaignCommands commands, CancellationToken ct) =>
        {
            var launched = await commands.LaunchAsync(request, ct);
            return TypedResults.Created($"/api/v1/campaigns/{launched.Campaign.Id}/progress", launched);
        });
        api.MapGet("/", async Task<Results<Ok<IReadOnlyList<CampaignSummary>>, ProblemHttpResult>> (CampaignQueries queries, ScopeAuthorizer scope, CancellationToken ct) =>
            (await scope.RolesGrantingAsync(Permission.ViewCampaignProgress, ct)).Count == 0
                ? Problems.Forbidden("Seeing campaigns needs the ViewCampaignProgress permission.")
                : TypedResults.Ok(await queries.ListAsync(ct)));
        api.MapPost("/{id:int}/end", async Task<Results<Ok<CampaignSummary>, ProblemHttpResult>> (int id, CampaignCommands commands, CancellationToken ct) =>
            await commands.EndAsync(id, ct) is { } ended ? TypedResults.Ok(ended) : Problems.NotFound($"No campaign #{id}."));
        api.MapGet("/{id:int}/progress", async Task<Results<Ok<CampaignProgressView>, ProblemHttpResult>> (int id, string? node, CampaignProgress progress, HttpContext http, CancellationToken ct) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            return await progress.AtAsync(id, node, ct) is { } view ? TypedResults.Ok(view) : Problems.NotFound($"No campaign #{id}.");
        });

        var tasks = api.MapGroup("/tasks");
        tasks.MapGet("/mine", async Task<Results<Ok<TaskPage>, ProblemHttpResult>> (int? page, CampaignTaskWork work, ScopeAuthorizer scope, CancellationToken ct) =>
            (await scope.RolesGrantingAsync(Permission.DoCampaignTasks, ct)).Count == 0
                ? Problems.Forbidden("Campaign tasks need the DoCampaignTasks permission.")
                : TypedResults.Ok(await work.MineAsync(page ?? 1, ct)));
        tasks.MapPost("/{id:long}/done", async Task<Ok<CampaignTaskView>> (long id, TaskDoneRequest? request, CampaignTaskWork work, CancellationToken ct) =>
            TypedResults.Ok(await work.DoneAsync(id, request ?? new TaskDoneRequest(null), ct)));
        tasks.MapPost("/{id:long}/reopen", async Task<Ok<CampaignTaskView>> (long id, CampaignTaskWork work, CancellationToken ct) =>
            TypedResults.Ok(await work.ReopenAsync(id, ct)));
        tasks.MapPost("/{id:long}/case", async Task<Created<TaskCaseFiled>> (long id, HttpRequest request, TaskCases cases, CancellationToken ct) =>
        {
            var (body, photos) = await ReportReader.ReadAsync(request, f => new TaskCaseRequest(f["category"], f["description"]), ct);
            var filed = await cases.FileAsync(id, body, photos, ct);
            return TypedResults.Created($"/api/v1/cases/{filed.CaseId}", filed);
        }).Accepts<TaskCaseRequest>("application/json", "multipart/form-data");
        return api;
    }
}
