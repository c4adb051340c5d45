using Linli.Web.Features.Cases.Intake;
using Linli.Web.Data;
using Linli.Web.Infrastructure;
using Linli.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Hazards;

/// <summary>The hazard register: staff record and manage hazards, residents report them, everyone sees the counts.</summary>
public static class HazardsApi
{
    public static RouteGroupBuilder MapHazardsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/hazards").WithTags("Hazards");
        api.MapGet("/stats", StatsAsync);

        var signedIn = api.MapGroup("").RequireAuthorization();
        signedIn.MapGet("/", ListAsync);
        signedIn.MapPost("/", RecordAsync).Accepts<RecordHazardRequest>("application/json", "multipart/form-data");
        signedIn.MapPost("/reports", ReportAsync).Accepts<ReportHazardRequest>("application/json", "multipart/form-data").RequireRateLimiting("reports");
        signedIn.MapGet("/{number:long}", GetAsync);
        signedIn.MapGet("/{number:long}/photos/{photoId:long}", PhotoAsync);
        signedIn.MapPost("/{number:long}/assign", async (long number, HttpRequest request, HazardWorkflow workflow, HazardQueries queries, CancellationToken ct) =>
        {
            await workflow.AssignAsync(number, (await ReportReader.ReadAsync(request, HazardRequests.Assign, ct)).Body, ct);
            return TypedResults.Ok((await queries.GetAsync(number, ct))!);
        }).Accepts<AssignHazardRequest>("application/json");
        signedIn.MapPost("/{number:long}/rectification", async (long number, HttpRequest request, HazardWorkflow workflow, HazardQueries queries, CancellationToken ct) =>
        {
            var (body, photos) = await ReportReader.ReadAsync(request, f => new RectifyHazardRequest(f["note"]), ct);
            await workflow.RectifyAsync(number, body, photos, ct);
            return TypedResults.Ok((await queries.GetAsync(number, ct))!);
        }).Accepts<RectifyHazardRequest>("application/json", "multipart/form-data");
        signedIn.MapPost("/{number:long}/reinspection", async (long number, HttpRequest request, HazardWorkflow workflow, HazardQueries queries, CancellationToken ct) =>
        {
            await workflow.ReinspectAsync(number, (await ReportReader.ReadAsync(request, HazardRequests.Reinspect, ct)).Body, ct);
            return TypedResults.Ok((await queries.GetAsync(number, ct))!);
        }).Accepts<ReinspectHazardRequest>("application/json");
        signedIn.MapPost("/{number:long}/dismiss", async (long number, HttpRequest request, HazardWorkflow workflow, HazardQueries queries, CancellationToken ct) =>
        {
            await workflow.DismissAsync(number, (await ReportReader.ReadAsync(request, f => new DismissHazardRequest(f["note"]), ct)).Body, ct);
            return TypedResults.Ok((await queries.GetAsync(number, ct))!);
        }).Accepts<DismissHazardRequest>("application/json");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<HazardListItem>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string? state, string? kind, bool? overdue, string? node, int? take, HazardAccess access, HazardQueries queries, LinliDb db, CancellationToken cancellationToken)
    {
        if (state is not null && !HazardQueries.ListStates.Contains(state.Trim().ToLowerInvariant()))
        {
            return Problems.Invalid("state", "state must be open, closed, all, or one of " + string.Join(", ", Enum.GetNames<HazardState>()));
        }

        HazardKind? wantedKind = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (!EnumNames.TryParse<HazardKind>(kind.Replace("-", "", StringComparison.Ordinal), out var parsed))
            {
                return Problems.Invalid("kind", "kind must be one of " + HazardChecks.Names<HazardKind>());
            }

            wantedKind = parsed;
        }

        if (take is < 1 or > 500)
        {
            return Problems.Invalid("take", "take must be between 1 and 500");
        }

        if ((await access.VisiblePathsAsync(cancellationToken)).Count == 0)
        {
            return Problems.Forbidden("Only staff who record hazards see the register.");
        }

        string? nodePath = null;
        if (!string.IsNullOrWhiteSpace(node))
        {
            nodePath = await db.Nodes.AsNoTracking().Where(n => n.Code == node.Trim()).Select(n => n.Path).FirstOrDefaultAsync(cancellationToken);
            if (nodePath is null)
            {
                return Problems.Invalid("node", $"no place has the code {node}");
            }
        }

        return TypedResults.Ok(await queries.ListAsync(new HazardFilter(state?.Trim(), wantedKind, overdue == true, nodePath, take ?? 200), cancellationToken));
    }

    private static async Task<Created<RecordedHazard>> RecordAsync(HttpRequest request, HazardRecording recording, CancellationToken cancellationToken)
    {
        var (body, photos) = await ReportReader.ReadAsync(request, HazardRequests.Record, cancellationToken);
        var recorded = await recording.RecordAsync(body, photos, cancellationToken);
        return TypedResults.Created($"/api/v1/hazards/{recorded.Number}", recorded);
    }

    private static async Task<Created<RecordedHazard>> ReportAsync(HttpRequest request, HazardRecording recording, CancellationToken cancellationToken)
    {
        var (body, photos) = await ReportReader.ReadAsync(request, HazardRequests.Report, cancellationToken);
        var recorded = await recording.ReportAsync(body, photos, cancellationToken);
        return TypedResults.Created($"/api/v1/hazards/{recorded.Number}", recorded);
    }

    private static async Task<Results<Ok<HazardDetail>, ProblemHttpResult>> GetAsync(long number, HazardQueries queries, CancellationToken cancellationToken) =>
        await queries.GetAsync(number, cancellationToken) is { } hazard ? TypedResults.Ok(hazard) : Problems.NotFound($"No hazard #{number}.");

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PhotoAsync(long number, long photoId, HazardQueries queries, CancellationToken cancellationToken) =>
        await queries.PhotoAsync(number, photoId, cancellationToken) is { } photo
            ? TypedResults.File(photo.Content, photo.ContentType)
            : Problems.NotFound($"No photo {photoId} of hazard #{number}.");

    private static async Task<Results<Ok<HazardStatsView>, ValidationProblem, ProblemHttpResult>> StatsAsync(
        string? node, string? period, string? at, HazardStats stats, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(node))
        {
            return Problems.Invalid("node", "node is required: the code of any place in the tree");
        }

        return await stats.ForAsync(node.Trim(), period, at, cancellationToken) is { } view ? TypedResults.Ok(view) : Problems.NotFound($"No place has the code {node}.");
    }
}
