using Linli.Web.Features.AntiFraud.Alerts;
using Linli.Web.Features.AntiFraud.Alliance;
using Linli.Web.Features.AntiFraud.Orders;
using Linli.Web.Features.AntiFraud.Stats;
using Linli.Web.Infrastructure;
using Linli.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Web.Features.AntiFraud;

/// <summary>The anti-fraud alliance: alerts from partners, dissuasion orders for handlers, membership, awareness events and weekly figures.</summary>
public static class AntiFraudApi
{
    public static RouteGroupBuilder MapAntiFraudApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/antifraud").WithTags("Anti-fraud alliance").RequireAuthorization();
        api.MapPost("/alerts", RaiseAsync).Accepts<RaiseAlertRequest>("application/json");
        api.MapGet("/alerts/communities", (FraudAlerts alerts, CancellationToken ct) => alerts.CommunitiesAsync(ct));
        api.MapGet("/orders", ListAsync);
        api.MapGet("/orders/{number:long}", GetAsync);
        api.MapPost("/orders/{number:long}/visit", VisitAsync).Accepts<RecordVisitRequest>("application/json");
        api.MapPost("/orders/{number:long}/close", CloseAsync).Accepts<CloseOrderRequest>("application/json");
        api.MapGet("/alliance", (string? node, AllianceMembers members, CancellationToken ct) => Checked(async () =>
            TypedResults.Ok(await members.ListAsync(Required(node, "node"), ct))));
        api.MapPost("/alliance", (HttpRequest request, AllianceMembers members, CancellationToken ct) => Checked(async () =>
        {
            var added = await members.AddAsync(await StrictJson.ReadAsync<AddMemberRequest>(request, ct), ct);
            return TypedResults.Created($"/api/v1/antifraud/alliance?node={added.CommunityCode}", added);
        }));
        api.MapDelete("/alliance/{id:int}", async Task<Results<NoContent, ProblemHttpResult>> (int id, AllianceMembers members, CancellationToken ct) =>
            await members.RemoveAsync(id, ct) ? TypedResults.NoContent() : Problems.NotFound($"No alliance membership {id}."));
        api.MapPost("/awareness-events", (HttpRequest request, AwarenessEvents events, CancellationToken ct) => Checked(async () =>
            TypedResults.Created("/api/v1/antifraud/stats", await events.RecordAsync(await StrictJson.ReadAsync<RecordAwarenessEventRequest>(request, ct), ct))));
        api.MapGet("/stats", (string? node, int? weeks, AntiFraudStats stats, CancellationToken ct) => Checked(async () =>
        {
            if (weeks is < 1 or > AntiFraudStats.MaxWeeks)
            {
                throw new AlertRejectedException([new("weeks", $"weeks is between 1 and {AntiFraudStats.MaxWeeks}")]);
            }

            return TypedResults.Ok(await stats.WeeklyAsync(Required(node, "node"), weeks ?? 8, ct));
        }));
        return api;
    }

    private static async Task<Results<Created<RaisedOrder>, Ok<RaisedOrder>, ValidationProblem>> RaiseAsync(HttpRequest request, FraudAlerts alerts, CancellationToken cancellationToken)
    {
        try
        {
            var raised = await alerts.RaiseAsync(await StrictJson.ReadAsync<RaiseAlertRequest>(request, cancellationToken), cancellationToken);
            return raised.Created ? TypedResults.Created($"/api/v1/antifraud/orders/{raised.Number}", raised) : TypedResults.Ok(raised);
        }
        catch (AlertRejectedException refused)
        {
            return Invalid(refused);
        }
    }

    private static async Task<Results<Ok<IReadOnlyList<OrderListItem>>, ValidationProblem>> ListAsync(string? state, int? take, OrderQueries queries, CancellationToken cancellationToken)
    {
        if (!EnumNames.TryParse<OrderListState>(state ?? "open", out var wanted))
        {
            return Problems.Invalid("state", "state must be open, closed or all");
        }

        if (take is < 1 or > 500)
        {
            return Problems.Invalid("take", "take must be between 1 and 500");
        }

        return TypedResults.Ok(await queries.ListAsync(wanted, take ?? 200, cancellationToken));
    }

    private static async Task<Results<Ok<OrderDetail>, ProblemHttpResult>> GetAsync(long number, OrderQueries queries, CancellationToken cancellationToken) =>
        await queries.GetAsync(number, cancellationToken) is { } order ? TypedResults.Ok(order) : Problems.NotFound($"No dissuasion order #{number}.");

    private static Task<Results<Ok<OrderDetail>, ValidationProblem>> VisitAsync(
        long number, HttpRequest request, DissuasionWorkflow workflow, OrderQueries queries, CancellationToken cancellationToken) =>
        Checked(async () =>
        {
            await workflow.RecordVisitAsync(number, await StrictJson.ReadAsync<RecordVisitRequest>(request, cancellationToken), cancellationToken);
            return TypedResults.Ok((await queries.GetAsync(number, cancellationToken))!);
        });

    private static Task<Results<Ok<OrderDetail>, ValidationProblem>> CloseAsync(
        long number, HttpRequest request, DissuasionWorkflow workflow, OrderQueries queries, CancellationToken cancellationToken) =>
        Checked(async () =>
        {
            var body = request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0
                ? await StrictJson.ReadAsync<CloseOrderRequest>(request, cancellationToken)
                : new CloseOrderRequest(null);
            await workflow.CloseAsync(number, body, cancellationToken);
            return TypedResults.Ok((await queries.GetAsync(number, cancellationToken))!);
        });

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new AlertRejectedException([new(field, $"{field} is required")]) : value;

    /// <summary>Field-by-field refusals become one 400 listing them all; 403, 404 and 409 come from the exception handler.</summary>
    private static async Task<Results<TOk, ValidationProblem>> Checked<TOk>(Func<Task<TOk>> action)
        where TOk : IResult
    {
        try
        {
            return await action();
        }
        catch (AlertRejectedException refused)
        {
            return Invalid(refused);
        }
    }

    private static ValidationProblem Invalid(AlertRejectedException refused) =>
        TypedResults.ValidationProblem(refused.ByField(), title: "The request is invalid; nothing was stored", detail: refused.Message);
}
