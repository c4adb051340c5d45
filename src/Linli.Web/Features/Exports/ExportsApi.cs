using Linli.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Linli.Web.Features.Exports;

/// <summary>Exports for staff with ExportData: small ones answered at once, larger ones as jobs with progress and a file.</summary>
public static class ExportsApi
{
    public static RouteGroupBuilder MapExportsApi(this IEndpointRouteBuilder app)
    {
        var exports = app.MapGroup("/api/v1/exports").WithTags("Exports").RequireAuthorization();
        exports.MapPost("/", StartAsync);
        exports.MapGet("/{id:long}", GetAsync);
        exports.MapGet("/{id:long}/file", FileAsync);

        // The export form on /work/exports/new posts here: a file comes back at once, or the browser goes to the job list.
        app.MapPost("/work/exports/start", StartFromFormAsync).RequireAuthorization();
        return exports;
    }

    private static async Task<Results<FileContentHttpResult, Accepted<ExportJobDto>, ValidationProblem, ProblemHttpResult>> StartAsync(
        ExportRequest request, ExportStarts starts, CancellationToken cancellationToken)
    {
        var start = await starts.StartAsync(request, cancellationToken);
        if (start.Forbidden)
        {
            return Problems.Forbidden(NoExports);
        }

        if (start.Errors is { } errors)
        {
            return TypedResults.ValidationProblem(errors, title: "The request is invalid");
        }

        return start.File is { } file
            ? TypedResults.File(file.Content, file.ContentType, file.FileName)
            : TypedResults.Accepted($"/api/v1/exports/{start.Job!.Id}", ExportJobDto.Of(start.Job));
    }

    private static async Task<Results<Ok<ExportJobDto>, ProblemHttpResult>> GetAsync(long id, ExportStarts starts, CancellationToken cancellationToken)
    {
        if (!await starts.MayExportAsync(cancellationToken))
        {
            return Problems.Forbidden(NoExports);
        }

        return await starts.MineAsync(id, cancellationToken) is { } job ? TypedResults.Ok(ExportJobDto.Of(job)) : Problems.NotFound($"No export #{id} of yours.");
    }

    private const string NoExports = "Exports need the ExportData permission over the node (administrators, street staff, community workers).";

    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> FileAsync(long id, ExportStarts starts, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        if (!await starts.MayExportAsync(cancellationToken))
        {
            return Problems.Forbidden(NoExports);
        }

        var job = await starts.MineAsync(id, cancellationToken);
        if (job is null || job.ExpiresAt <= clock.GetUtcNow())
        {
            return Problems.NotFound($"No export #{id} of yours (files are kept {nameof(ExportsOptions.KeepHours)} hours).");
        }

        if (job.Status != ExportStatus.Done)
        {
            return Problems.Conflict($"Export #{id} is {job.Status.ToString().ToLowerInvariant()}: {job.RowsDone} of {job.RowsTotal} rows.");
        }

        http.Response.ContentLength = job.FileSize;
        http.Response.Headers.CacheControl = "private, no-store";
        var filters = ExportFilters.Of(job, null, Tree.NodeKind.Grid);
        return TypedResults.Stream(
            async body =>
            {
                await foreach (var chunk in starts.ChunksOf(id).WithCancellation(cancellationToken))
                {
                    await body.WriteAsync(chunk, cancellationToken);
                }
            },
            TableWriter.ContentType(job.Format), filters.FileName(job.CreatedAt));
    }

    private static async Task<Results<FileContentHttpResult, RedirectHttpResult, ProblemHttpResult>> StartFromFormAsync(
        [FromForm] ExportForm form, ExportStarts starts, CancellationToken cancellationToken)
    {
        var request = new ExportRequest(form.Dataset, form.Format, form.Node, form.Period, form.From, form.Until, form.Category, form.State, form.Background == "true");
        var start = await starts.StartAsync(request, cancellationToken);
        if (start.Forbidden)
        {
            return Problems.Forbidden();
        }

        if (start.Errors is { } errors)
        {
            var query = QueryString.Create(new Dictionary<string, string?>
            {
                ["dataset"] = form.Dataset, ["format"] = form.Format, ["node"] = form.Node, ["period"] = form.Period, ["from"] = form.From,
                ["until"] = form.Until, ["category"] = form.Category, ["state"] = form.State, ["error"] = string.Join(',', errors.Keys),
            });
            return TypedResults.Redirect($"/work/exports/new{query}");
        }

        return start.File is { } file
            ? TypedResults.File(file.Content, file.ContentType, file.FileName)
            : TypedResults.Redirect($"/work/exports?started={start.Job!.Id}");
    }
}

/// <summary>The export form's fields (the dashboard's picker names: period, from, until).</summary>
public sealed class ExportForm
{
    public string? Dataset { get; set; }
    public string? Format { get; set; }
    public string? Node { get; set; }
    public string? Period { get; set; }
    public string? From { get; set; }
    public string? Until { get; set; }
    public string? Category { get; set; }
    public string? State { get; set; }
    public string? Background { get; set; }
}
