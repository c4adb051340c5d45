using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.Notifications;

/// <summary>
/// A person's own notification settings and inbox, staff broadcasts to a node of their subtree, and the SMS gateway's
/// signed inbound replies (STOP, 退订, TD opt the sender out).
/// </summary>
public static class NotificationsApi
{
    public static RouteGroupBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/v1/me").WithTags("Notifications").RequireAuthorization();
        me.MapGet("/notifications", async Task<Ok<PreferencesView>> (CurrentUser user, NotificationPreferences preferences, CancellationToken ct) =>
            TypedResults.Ok(await preferences.GetAsync(user.Id!.Value, ct)));
        me.MapPut("/notifications", async Task<Ok<PreferencesView>> (PreferencesRequest request, CurrentUser user, NotificationPreferences preferences, CancellationToken ct) =>
            TypedResults.Ok(await preferences.UpdateAsync(user.Id!.Value, request, ct)));
        me.MapGet("/inbox", async Task<Ok<IReadOnlyList<InboxItem>>> (CurrentUser user, Inbox inbox, HttpContext http, CancellationToken ct) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.Ok(await inbox.ListAsync(user.Id!.Value, ct));
        });
        me.MapPost("/inbox/read", async Task<NoContent> (MarkReadRequest request, CurrentUser user, Inbox inbox, CancellationToken ct) =>
        {
            await inbox.MarkReadAsync(user.Id!.Value, request.Id, ct);
            return TypedResults.NoContent();
        });

        var broadcasts = app.MapGroup("/api/v1/broadcasts").WithTags("Broadcasts").RequireAuthorization();
        broadcasts.MapPost("/", async Task<Created<BroadcastDetail>> (BroadcastRequest request, Broadcasts service, CancellationToken ct) =>
        {
            var sent = await service.SendAsync(request, ct);
            return TypedResults.Created($"/api/v1/broadcasts/{sent.Broadcast.Id}", sent);
        });
        broadcasts.MapGet("/", async Task<Results<Ok<IReadOnlyList<BroadcastSummary>>, ProblemHttpResult>> (int? campaignId, Broadcasts service, ScopeAuthorizer scope, CancellationToken ct) =>
            (await scope.RolesGrantingAsync(Permission.BroadcastNotices, ct)).Count == 0 ? Problems.Forbidden("Broadcasting needs the BroadcastNotices permission.") : TypedResults.Ok(await service.ListAsync(campaignId, ct)));
        broadcasts.MapGet("/{id:long}", async Task<Results<Ok<BroadcastDetail>, ProblemHttpResult>> (long id, Broadcasts service, CancellationToken ct) =>
            await service.DetailAsync(id, ct) is { } detail ? TypedResults.Ok(detail) : Problems.NotFound($"No broadcast #{id}."));
        broadcasts.MapGet("/{id:long}/grids", async Task<Results<Ok<GridAcknowledgements>, ProblemHttpResult>> (long id, string? node, Broadcasts service, CancellationToken ct) =>
            await service.GridsAsync(id, node, ct) is { } grids ? TypedResults.Ok(grids) : Problems.NotFound($"No broadcast #{id}."));

        var gateway = app.MapGroup("/api/v1/notifications").WithTags("Notifications");
        gateway.MapPost("/sms/inbound", async Task<Results<NoContent, UnauthorizedHttpResult, ValidationProblem>> (HttpRequest http, IOptions<SmsOptions> sms, OptOuts optOuts, CancellationToken ct) =>
        {
            using var buffer = new MemoryStream();
            await http.Body.CopyToAsync(buffer, ct);
            var body = buffer.ToArray();
            if (body.Length > 4096 || !WebhookSms.Verify(body, http.Headers[WebhookSms.SignatureHeader], sms.Value.InboundSecret))
            {
                return TypedResults.Unauthorized();
            }

            InboundSms? reply;
            try
            {
                reply = System.Text.Json.JsonSerializer.Deserialize<InboundSms>(body, System.Text.Json.JsonSerializerOptions.Web);
            }
            catch (System.Text.Json.JsonException)
            {
                return Problems.Invalid("body", "The body is JSON {from, text}.");
            }

            if (OptOuts.IsStopWord(reply?.Text) && !await optOuts.OptOutAsync(reply?.From ?? "", OptOutSource.SmsReply, ct))
            {
                return Problems.Invalid("from", "from is a phone number");
            }

            return TypedResults.NoContent();
        });
        return me;
    }
}
