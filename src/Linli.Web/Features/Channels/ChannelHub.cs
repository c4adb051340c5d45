using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Linli.Web.Features.Channels;

/// <summary>
/// Live updates of channels (new messages, pins, read receipts). The hub only pushes; everything is sent through the
/// HTTP API. A connection joins a channel's group only after the membership check, made on every join.
/// </summary>
[Authorize]
public sealed class ChannelHub(ChannelAccess access) : Hub
{
    public const string Path = "/hubs/channels";

    public static string Group(long channelId) => $"channel:{channelId}";

    public async Task Join(long channelId)
    {
        var caller = await access.CallerAsync(Context.User!, Context.ConnectionAborted);
        var channel = await access.ChannelAsync(channelId, Context.ConnectionAborted);
        if (caller is null || channel is null || !ChannelMembership.MayUse(caller.Roles, channel))
        {
            throw new HubException("You are not a member of this channel.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, Group(channelId), Context.ConnectionAborted);
    }

    public Task Leave(long channelId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(channelId), Context.ConnectionAborted);
}

/// <summary>What the hub pushes to a channel's members; the names are the client-side handlers.</summary>
public sealed class ChannelEvents(IHubContext<ChannelHub> hub)
{
    public Task MessageAsync(MessageView message, long channelId, CancellationToken cancellationToken) =>
        hub.Clients.Group(ChannelHub.Group(channelId)).SendAsync("message", channelId, message with { Mine = false }, cancellationToken);

    public Task PinAsync(PinEvent pin, CancellationToken cancellationToken) =>
        hub.Clients.Group(ChannelHub.Group(pin.ChannelId)).SendAsync("pin", pin, cancellationToken);

    public Task ReadAsync(ReadEvent read, CancellationToken cancellationToken) =>
        hub.Clients.Group(ChannelHub.Group(read.ChannelId)).SendAsync("read", read, cancellationToken);
}
