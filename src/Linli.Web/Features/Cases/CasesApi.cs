using Linli.Web.Data;
using Linli.Web.Features.Cases.Intake;
using Linli.Web.Features.Cases.Lifecycle;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.Cases;

public sealed record IntakeResponse(long Number, string Receipt, string State, CategoryRef Category, string GridCode, string? DispatchedTo, DateTimeOffset RespondBy, DateTimeOffset ResolveBy, string CasePage);

public sealed record ReporterNoteRequest(string? Note);

public sealed record RatingRequest(int Stars, bool Solved, string? Comment);

public sealed record FollowRequest(string? Email);

public sealed record MyCase(long Number, string Receipt, CategoryRef Category, string State, DateTimeOffset ReportedAt);

/// <summary>The residents' side of cases: report, look for duplicates, follow, and — holding the receipt — check, verify, reopen and rate.</summary>
public static class CasesApi
{
    public static RouteGroupBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/v1/cases").WithTags("Cases");
        cases.MapPost("/", ReportAsync).Accepts<ReportCaseRequest>("application/json", "multipart/form-data").DisableAntiforgery().RequireRateLimiting("reports");
        cases.MapGet("/nearby", NearbyAsync);
        cases.MapGet("/{receipt}", GetAsync).CacheOutput(PublicCaseCache.Policy);
        cases.MapGet("/{receipt}/photos/{photoId:long}", PhotoAsync);
        cases.MapPost("/{receipt}/verify", (string receipt, ReporterNoteRequest? body, CaseWorkflow workflow, CancellationToken ct) =>
            ReporterActsAsync(receipt, new CaseCommand(CaseAction.Verify) { Note = body?.Note }, workflow, ct));
        cases.MapPost("/{receipt}/reopen", (string receipt, ReporterNoteRequest body, CaseWorkflow workflow, CancellationToken ct) =>
            ReporterActsAsync(receipt, new CaseCommand(CaseAction.Reopen) { Note = body.Note }, workflow, ct));
        cases.MapPost("/{receipt}/cancel", (string receipt, ReporterNoteRequest body, CaseWorkflow workflow, CancellationToken ct) =>
            ReporterActsAsync(receipt, new CaseCommand(CaseAction.Cancel) { Note = body.Note }, workflow, ct));
        cases.MapPost("/{receipt}/rating", RateAsync);
        cases.MapPost("/{number:long}/followers", FollowAsync);
        app.MapGet("/api/v1/me/cases", MyCasesAsync).WithTags("Cases").RequireAuthorization();
        return cases;
    }

    private static async Task<Results<Created<IntakeResponse>, Ok<IntakeResponse>>> ReportAsync(HttpRequest request, CaseIntake intake, CancellationToken cancellationToken)
    {
        var submission = await ReportReader.ReadAsync(request, cancellationToken);
        var result = await intake.SubmitAsync(submission, cancellationToken);
        var c = result.Case;
        var body = new IntakeResponse(c.Id, c.Receipt, c.State.ToString(), new CategoryRef(result.Category.Code, result.Category.Name, result.Category.NameEn),
            c.GridPath.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1], result.DispatchedTo, c.RespondBy, c.ResolveBy, $"/cases/{c.Receipt}");
        return result.Created ? TypedResults.Created($"/api/v1/cases/{c.Receipt}", body) : TypedResults.Ok(body);
    }

    private static async Task<Results<Ok<IReadOnlyList<NearbyCase>>, ValidationProblem>> NearbyAsync(
        string? category, double? latitude, double? longitude, LinliDb db, IOptions<CasesOptions> options, CancellationToken cancellationToken)
    {
        var found = string.IsNullOrWhiteSpace(category) ? null : await db.CaseCategories.AsNoTracking().FirstOrDefaultAsync(c => c.Code == category, cancellationToken);
        if (found is null)
        {
            return Problems.Invalid("category", string.IsNullOrWhiteSpace(category) ? "category is required" : $"unknown category '{category}'");
        }

        if (latitude is not { } lat || longitude is not { } lon || !SpatialIndex.IsValidCoordinate(lat, lon))
        {
            return Problems.Invalid(latitude is null ? "latitude" : "longitude", "give latitude (±90) and longitude (±180)");
        }

        return TypedResults.Ok(await NearbyCases.FindAsync(db, found, lat, lon, options.Value.DuplicateRadiusMeters, cancellationToken));
    }

    private static async Task<Results<Ok<PublicCaseView>, ProblemHttpResult>> GetAsync(
        string receipt, LinliDb db, TimeProvider clock, IOptions<CasesOptions> options, CancellationToken cancellationToken)
    {
        var view = ReceiptCodes.Normalize(receipt) is { } normalized
            ? await PublicCaseViews.ForReceiptAsync(db, normalized, clock.GetUtcNow(), options.Value.ReopenWindowDays, cancellationToken)
            : null;
        return view is null ? NoSuchReceipt() : TypedResults.Ok(view);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PhotoAsync(string receipt, long photoId, LinliDb db, CancellationToken cancellationToken)
    {
        var normalized = ReceiptCodes.Normalize(receipt);
        var photo = await db.CasePhotos.AsNoTracking()
            .Where(p => p.Id == photoId && db.Cases.Any(c => c.Id == p.CaseId && c.Receipt == normalized))
            .Select(p => new { p.Content, p.ContentType }).FirstOrDefaultAsync(cancellationToken);
        return photo is null ? Problems.NotFound("No such photo on this case.") : TypedResults.File(photo.Content, photo.ContentType);
    }

    private static async Task<Results<Ok<PublicCaseView>, ProblemHttpResult>> ReporterActsAsync(string receipt, CaseCommand command, CaseWorkflow workflow, CancellationToken cancellationToken)
    {
        var c = await LoadAsync(receipt, workflow, cancellationToken);
        if (c is null)
        {
            return NoSuchReceipt();
        }

        await workflow.ApplyAsync(c, CaseActor.Reporter(c.ReporterUserId), command, cancellationToken);
        return TypedResults.Ok(await workflow.PublicViewAsync(c.Receipt, cancellationToken));
    }

    private static async Task<Results<Ok<PublicCaseView>, ProblemHttpResult>> RateAsync(string receipt, RatingRequest body, CaseWorkflow workflow, CancellationToken cancellationToken)
    {
        var c = await LoadAsync(receipt, workflow, cancellationToken);
        if (c is null)
        {
            return NoSuchReceipt();
        }

        await workflow.RateAsync(c, body.Stars, body.Solved, body.Comment, cancellationToken);
        return TypedResults.Ok(await workflow.PublicViewAsync(c.Receipt, cancellationToken));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> FollowAsync(
        long number, FollowRequest? body, CaseWorkflow workflow, CurrentUser currentUser, CancellationToken cancellationToken)
    {
        var c = await workflow.LoadAsync(number, cancellationToken);
        if (c is null || c.Category!.IsSensitive)
        {
            return Problems.NotFound($"No open case #{number} to follow.");
        }

        var errors = new List<SubmissionError>();
        SubmissionRules.CheckContact(new CaseSubmission { Email = body?.Email }, errors);
        if (errors.Count > 0 || (currentUser.Id is null && string.IsNullOrWhiteSpace(body?.Email)))
        {
            return Problems.Invalid("email", errors.Count > 0 ? errors[0].Message : "sign in, or give an email address to be told of progress");
        }

        await workflow.FollowAsync(c, currentUser.Id, string.IsNullOrWhiteSpace(body?.Email) ? null : body.Email.Trim(), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The signed-in resident's own reports, newest first, with their receipts.</summary>
    private static async Task<Ok<List<MyCase>>> MyCasesAsync(LinliDb db, CurrentUser currentUser, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Cases.AsNoTracking().Where(c => c.ReporterUserId == currentUser.Id).OrderByDescending(c => c.ReportedAt).Take(200)
            .Select(c => new MyCase(c.Id, c.Receipt, new CategoryRef(c.Category!.Code, c.Category.Name, c.Category.NameEn), c.State.ToString(), c.ReportedAt))
            .ToListAsync(cancellationToken));

    private static Task<Case?> LoadAsync(string receipt, CaseWorkflow workflow, CancellationToken cancellationToken) =>
        ReceiptCodes.Normalize(receipt) is { } normalized ? workflow.LoadByReceiptAsync(normalized, cancellationToken) : Task.FromResult<Case?>(null);

    private static ProblemHttpResult NoSuchReceipt() => Problems.NotFound("No case has this receipt code. Check it and try again.");
}
