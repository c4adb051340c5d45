using System.Globalization;
using Linli.Web.Features.Cases.Intake;
using Linli.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Web.Features.Channels;

/// <summary>Group channels of grids, buildings and campaigns for chiefs and staff. Live updates come from <see cref="ChannelHub"/>.</summary>
public static class ChannelsApi
{
    public static RouteGroupBuilder MapChannelsApi(this IEndpointRouteBuilder app)
    {
        app.MapHub<ChannelHub>(ChannelHub.Path);

        var api = app.MapGroup("/api/v1/channels").WithTags("Channels").RequireAuthorization();
        api.MapGet("/", ListAsync);
        api.MapPost("/open", async (OpenChannelRequest request, HttpContext http, ChannelAccess access, ChannelDirectory directory, CancellationToken ct) =>
            TypedResults.Ok(await directory.OpenAsync(await CallerAsync(http, access, ct), request, ct)));
        api.MapGet("/{id:long}/messages", async (long id, long? before, int? take, HttpContext http, ChannelMessages messages, CancellationToken ct) =>
            TypedResults.Ok(await messages.HistoryAsync(http.User, id, before, take, ct)));
        api.MapPost("/{id:long}/messages", SendAsync).Accepts<SendMessageRequest>("application/json", "multipart/form-data");
        api.MapGet("/{id:long}/messages/{messageId:long}/photo", PhotoAsync);
        api.MapGet("/{id:long}/messages/{messageId:long}/readers", async (long id, long messageId, HttpContext http, ChannelReceipts receipts, CancellationToken ct) =>
            TypedResults.Ok(await receipts.ReadersAsync(http.User, id, messageId, ct)));
        api.MapPost("/{id:long}/messages/{messageId:long}/pin", async (long id, long messageId, HttpContext http, ChannelReceipts receipts, CancellationToken ct) =>
        {
            await receipts.PinAsync(http.User, id, messageId, pinned: true, ct);
            return TypedResults.NoContent();
        });
        api.MapDelete("/{id:long}/messages/{messageId:long}/pin", async (long id, long messageId, HttpContext http, ChannelReceipts receipts, CancellationToken ct) =>
        {
            await receipts.PinAsync(http.User, id, messageId, pinned: false, ct);
            return TypedResults.NoContent();
        });
        api.MapPost("/{id:long}/read", async (long id, ReadRequest? request, HttpContext http, ChannelReceipts receipts, CancellationToken ct) =>
            TypedResults.Ok(new { lastReadMessageId = await receipts.ReadAsync(http.User, id, request?.UpTo, ct) }));
        return api;
    }

    private static async Task<Ok<IReadOnlyList<ChannelSummary>>> ListAsync(HttpContext http, ChannelAccess access, ChannelDirectory directory, CancellationToken cancellationToken) =>
        TypedResults.Ok(await directory.ListAsync(await CallerAsync(http, access, cancellationToken), cancellationToken));

    private static async Task<Created<MessageView>> SendAsync(long id, HttpRequest request, ChannelMessages messages, CancellationToken cancellationToken)
    {
        var (body, photos) = await ReadAsync(request, cancellationToken);
        var sent = await messages.SendAsync(request.HttpContext.User, id, body, photos, cancellationToken);
        return TypedResults.Created($"/api/v1/channels/{id}/messages?before={sent.Id + 1}", sent);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PhotoAsync(long id, long messageId, HttpContext http, ChannelMessages messages, CancellationToken cancellationToken) =>
        await messages.PhotoAsync(http.User, id, messageId, cancellationToken) is { } photo
            ? TypedResults.File(photo.Content, ProcessedPhoto.ContentType)
            : Problems.NotFound($"No photo on message {messageId}.");

    private static async Task<ChannelCaller> CallerAsync(HttpContext http, ChannelAccess access, CancellationToken cancellationToken) =>
        await access.CallerAsync(http.User, cancellationToken) is { UsesChannels: true } caller
            ? caller
            : throw new DomainRuleException("channel", "Only chiefs and staff who use channels have channels.", StatusCodes.Status403Forbidden);

    /// <summary>A message from JSON, or from a form (multipart with <c>photo</c>, or urlencoded) with the same field names.</summary>
    public static Task<(SendMessageRequest Body, IReadOnlyList<IncomingPhoto> Photos)> ReadAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ReportReader.ReadAsync(request, FromForm, cancellationToken);

    public static SendMessageRequest FromForm(IFormCollection form) => new(form["text"], Number(form, "latitude"), Number(form, "longitude"));

    private static double? Number(IFormCollection form, string field)
    {
        var text = form[field].ToString();
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new SubmissionRejectedException([new(field, $"{field} must be a number")]);
    }
}
