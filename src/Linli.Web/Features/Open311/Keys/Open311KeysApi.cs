using Linli.Web.Data;
using Linli.Web.Features.Cases.Intake;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Open311.Keys;

public sealed record IssueKeyRequest(string? Name);

/// <summary>The only time the key itself is seen: Linli keeps its hash.</summary>
public sealed record IssuedKey(int Id, string Name, string Key, DateTimeOffset CreatedAt);

public sealed record KeySummary(int Id, string Name, DateTimeOffset CreatedAt, Guid? CreatedBy, DateTimeOffset? RevokedAt);

/// <summary>City administrators issue, list and revoke the keys Open311 clients post with.</summary>
public static class Open311KeysApi
{
    private const string CityWide = "Open311 keys are city-wide: only administrators of a whole city manage them.";

    public static RouteGroupBuilder MapOpen311KeysApi(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/v1/open311/keys").WithTags("Open311").RequireAuthorization();
        keys.MapPost("/", IssueAsync);
        keys.MapGet("/", ListAsync);
        keys.MapDelete("/{id:int}", RevokeAsync);
        return keys;
    }

    private static async Task<Results<Created<IssuedKey>, ValidationProblem, ProblemHttpResult>> IssueAsync(
        IssueKeyRequest request, LinliDb db, ScopeAuthorizer scope, CurrentUser currentUser, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await scope.CanAtRootAsync(Permission.ManageOpen311Keys, cancellationToken))
        {
            return Problems.Forbidden(CityWide);
        }

        var name = request.Name?.Trim();
        var errors = new List<SubmissionError>();
        SubmissionRules.CheckText("name", name, 100, required: true, errors);
        if (errors.Count > 0)
        {
            return Problems.Invalid("name", $"name {errors[0].Message} (it says which client holds the key)");
        }

        if (name!.StartsWith("config-", StringComparison.Ordinal) || await db.Open311ApiKeys.AnyAsync(k => k.Name == name, cancellationToken))
        {
            return Problems.Conflict($"A key named '{name}' exists (or the name is kept for configured keys); cases record the name, so it must stay unique.");
        }

        var key = Open311Keys.NewKey();
        var stored = new Open311ApiKey { Name = name, KeyHash = Open311Keys.Hash(key), CreatedAt = clock.GetUtcNow(), CreatedBy = currentUser.Id };
        db.Open311ApiKeys.Add(stored);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/open311/keys/{stored.Id}", new IssuedKey(stored.Id, stored.Name, key, stored.CreatedAt));
    }

    private static async Task<Results<Ok<List<KeySummary>>, ProblemHttpResult>> ListAsync(LinliDb db, ScopeAuthorizer scope, CancellationToken cancellationToken)
    {
        if (!await scope.CanAtRootAsync(Permission.ManageOpen311Keys, cancellationToken))
        {
            return Problems.Forbidden(CityWide);
        }

        var keys = await db.Open311ApiKeys.AsNoTracking().OrderBy(k => k.Id)
            .Select(k => new KeySummary(k.Id, k.Name, k.CreatedAt, k.CreatedBy, k.RevokedAt)).ToListAsync(cancellationToken);
        return TypedResults.Ok(keys);
    }

    /// <summary>Revoking keeps the row, so the cases a client filed still say which client it was.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(int id, LinliDb db, ScopeAuthorizer scope, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await scope.CanAtRootAsync(Permission.ManageOpen311Keys, cancellationToken))
        {
            return Problems.Forbidden(CityWide);
        }

        var key = await db.Open311ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null)
        {
            return Problems.NotFound($"No Open311 key has the id {id}.");
        }

        key.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
