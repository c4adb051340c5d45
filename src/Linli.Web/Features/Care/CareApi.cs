using Linli.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Web.Features.Care;

/// <summary>
/// The emergency care register. Residents manage their own entries under <c>/mine</c>; workers holding
/// <see cref="Infrastructure.Auth.Permission.ManageCareRegister"/> manage their subtree's; chiefs see their field work.
/// Police roles are refused everywhere.
/// </summary>
public static class CareApi
{
    public static RouteGroupBuilder MapCareApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/care").WithTags("Care").RequireAuthorization();

        api.MapGet("/mine", async (CareReads r, CancellationToken ct) => TypedResults.Ok(await r.MineAsync(ct)));
        api.MapPost("/mine", async (CareEntryRequest body, CareRegistration c, CancellationToken ct) =>
            TypedResults.Created("/api/v1/care/mine", new { id = await c.RegisterSelfAsync(body, ct) }));
        api.MapPost("/mine/{id:long}/renew", async (long id, CareRegistration c, CancellationToken ct) =>
            await c.RenewOwnAsync(id, ct) ? (Results<NoContent, ProblemHttpResult>)TypedResults.NoContent() : NotYours());
        api.MapDelete("/mine/{id:long}", async (long id, CareRegistration c, CancellationToken ct) =>
            await c.WithdrawOwnAsync(id, ct) ? (Results<NoContent, ProblemHttpResult>)TypedResults.NoContent() : NotYours());
        api.MapPost("/mine/{id:long}/help-requests", async (long id, HelpRequestBody body, HelpRequests h, CancellationToken ct) =>
            TypedResults.Created("/api/v1/care/mine", new { id = await h.RaiseOwnAsync(id, body, ct) }));
        api.MapPost("/mine/help-requests/{id:long}/confirm", async (long id, HelpRequests h, CancellationToken ct) =>
        {
            await h.ConfirmOwnAsync(id, ct);
            return TypedResults.NoContent();
        });

        api.MapGet("/field", async (CareReads r, CancellationToken ct) => TypedResults.Ok(await r.FieldAsync(ct)));
        api.MapPost("/help-requests/{id:long}/delivered", async (long id, HelpRequests h, CancellationToken ct) =>
        {
            await h.DeliverAsync(id, ct);
            return TypedResults.NoContent();
        });

        api.MapGet("/entries", async (string? node, CareReads r, CancellationToken ct) => TypedResults.Ok(await r.RegisterAsync(node, ct)));
        api.MapPost("/entries", async (CareEntryRequest body, CareRegistration c, CancellationToken ct) =>
            TypedResults.Created("/api/v1/care/entries", new { id = await c.RegisterOnBehalfAsync(body, ct) }));
        api.MapPost("/entries/{id:long}/renew", async (long id, CareRegistration c, CancellationToken ct) =>
            await c.RenewAsync(id, ct) ? (Results<NoContent, ProblemHttpResult>)TypedResults.NoContent() : Problems.NotFound($"No care register entry #{id}."));
        api.MapDelete("/entries/{id:long}", async (long id, CareRegistration c, CancellationToken ct) =>
            await c.WithdrawAsync(id, ct) ? (Results<NoContent, ProblemHttpResult>)TypedResults.NoContent() : Problems.NotFound($"No care register entry #{id}."));
        api.MapPost("/entries/{id:long}/help-requests", async (long id, HelpRequestBody body, HelpRequests h, CancellationToken ct) =>
            TypedResults.Created("/api/v1/care/entries", new { id = await h.RaiseForAsync(id, body, ct) }));
        return api;
    }

    private static ProblemHttpResult NotYours() => Problems.NotFound("You have no care register entry with this number.");
}
