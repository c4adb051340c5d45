using System.Text.Json;
using Linli.Web.Data;
using Linli.Web.Features.Cases.Intake;
using Linli.Web.Features.Cases.Lifecycle;
using Linli.Web.Infrastructure;
using Linli.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Cases.Work;

/// <summary>The staff workbench API: queues, one case in detail, actions, merges and photos.</summary>
public static class WorkApi
{
    private static readonly CaseAction[] ByPath =
        [CaseAction.Dispatch, CaseAction.Accept, CaseAction.Start, CaseAction.Note, CaseAction.Resolve, CaseAction.Verify, CaseAction.Close, CaseAction.Return, CaseAction.Reopen, CaseAction.Cancel];

    public static RouteGroupBuilder MapWorkApi(this IEndpointRouteBuilder app)
    {
        var work = app.MapGroup("/api/v1/work/cases").WithTags("Workbench").RequireAuthorization();
        work.MapGet("/", ListAsync);
        work.MapGet("/{number:long}", GetAsync);
        work.MapGet("/{number:long}/photos/{photoId:long}", PhotoAsync);
        work.MapPost("/{number:long}/merge", MergeAsync);
        work.MapPost("/{number:long}/{action}", ActAsync).Accepts<ActionRequest>("application/json", "multipart/form-data").DisableAntiforgery();
        return work;
    }

    private static async Task<Results<Ok<IReadOnlyList<WorkItem>>, ValidationProblem>> ListAsync(
        WorkQueries queries, string? view, string? state, bool? overdue, int? take, CancellationToken cancellationToken)
    {
        if (!EnumNames.TryParse<WorkView>(view ?? "mine", out var workView))
        {
            return Problems.Invalid("view", "view must be mine, queue, all or escalated");
        }

        CaseState? wanted = null;
        if (state is not null)
        {
            if (!EnumNames.TryParse<CaseState>(state, out var parsed))
            {
                return Problems.Invalid("state", $"state must be one of {string.Join(", ", Enum.GetNames<CaseState>())}");
            }

            wanted = parsed;
        }

        if (take is < 1 or > 500)
        {
            return Problems.Invalid("take", "take must be between 1 and 500");
        }

        return TypedResults.Ok(await queries.ListAsync(workView, wanted, overdue ?? false, take ?? 100, cancellationToken));
    }

    private static async Task<Results<Ok<WorkCase>, ProblemHttpResult>> GetAsync(long number, WorkQueries queries, CancellationToken cancellationToken) =>
        await queries.GetAsync(number, cancellationToken) is { } found ? TypedResults.Ok(found) : Problems.NotFound($"No case #{number}.");

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PhotoAsync(long number, long photoId, WorkQueries queries, LinliDb db, CancellationToken cancellationToken)
    {
        if (!await queries.MaySeeAsync(number, cancellationToken))
        {
            return Problems.NotFound($"No case #{number}.");
        }

        var photo = await db.CasePhotos.AsNoTracking().Where(p => p.Id == photoId && p.CaseId == number).Select(p => new { p.Content, p.ContentType }).FirstOrDefaultAsync(cancellationToken);
        return photo is null ? Problems.NotFound("No such photo on this case.") : TypedResults.File(photo.Content, photo.ContentType);
    }

    private static async Task<Results<Ok<WorkCase>, ProblemHttpResult>> ActAsync(
        long number, string action, HttpRequest request, CaseWorkflow workflow, CaseAccess access, WorkQueries queries, CancellationToken cancellationToken)
    {
        if (!EnumNames.TryParse<CaseAction>(action, out var parsed) || !ByPath.Contains(parsed))
        {
            return Problems.NotFound($"Unknown action '{action}'. Actions: {string.Join(", ", ByPath.Select(a => a.ToString().ToLowerInvariant()))}.");
        }

        var c = await workflow.LoadAsync(number, cancellationToken);
        if (c is null)
        {
            return Problems.NotFound($"No case #{number}.");
        }

        var command = await ReadCommandAsync(parsed, request, cancellationToken);
        await workflow.ApplyAsync(c, await access.ActorForAsync(c, cancellationToken), command, cancellationToken);
        return TypedResults.Ok((await queries.GetAsync(number, cancellationToken))!);
    }

    private static async Task<Results<Ok<WorkCase>, ProblemHttpResult>> MergeAsync(
        long number, MergeRequest body, CaseWorkflow workflow, CaseAccess access, WorkQueries queries, CancellationToken cancellationToken)
    {
        var duplicate = await workflow.LoadAsync(number, cancellationToken);
        var original = await workflow.LoadAsync(body.Into, cancellationToken);
        if (duplicate is null || original is null)
        {
            return Problems.NotFound($"No case #{(duplicate is null ? number : body.Into)}.");
        }

        if (!(await access.ActorForAsync(original, cancellationToken)).IsDispatcher)
        {
            return Problems.Forbidden($"Case #{original.Id} is outside the part of the tree you dispatch for.");
        }

        await workflow.MergeAsync(duplicate, original, await access.ActorForAsync(duplicate, cancellationToken), body.Note, cancellationToken);
        return TypedResults.Ok((await queries.GetAsync(number, cancellationToken))!);
    }

    private static async Task<CaseCommand> ReadCommandAsync(CaseAction action, HttpRequest request, CancellationToken cancellationToken)
    {
        var idempotencyKey = request.Headers["Idempotency-Key"].FirstOrDefault();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var photos = await ReportReader.ReadPhotosAsync(form.Files, cancellationToken);

            return new CaseCommand(action)
            {
                Note = form["note"], Public = !form["public"].Any(v => v is "false" or "0"), Photos = photos,
                DepartmentCode = form["departmentCode"], Role = form["role"], NodeCode = form["nodeCode"],
                RequestKey = idempotencyKey ?? form["requestKey"],
            };
        }

        ActionRequest? body = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            try
            {
                body = await request.ReadFromJsonAsync<ActionRequest>(cancellationToken);
            }
            catch (JsonException e)
            {
                throw new DomainRuleException("body", $"The JSON body is malformed: {e.Message}");
            }
        }

        body ??= new ActionRequest();
        return new CaseCommand(action)
        {
            Note = body.Note, Public = body.Public, DepartmentCode = body.DepartmentCode, Role = body.Role, NodeCode = body.NodeCode,
            RequestKey = idempotencyKey ?? body.RequestKey,
        };
    }
}
