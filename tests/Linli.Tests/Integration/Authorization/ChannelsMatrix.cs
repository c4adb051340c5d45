using System.Net.Http.Json;
using Linli.Web.Features.Campaigns;
using Linli.Web.Features.Channels;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Integration.Authorization;

/// <summary>
/// The channels' entries in the matrix. Membership reaches inside a node (the chiefs of a grid are in its channel), so
/// for an ancestor target the calls use a channel beside the holder's place, never one above it.
/// </summary>
public static class ChannelsMatrix
{
    private const string Channels = "/api/v1/channels";

    public static MatrixEntry[] Entries =>
    [
        new("GET /api/v1/channels/", Access.RoleOnly, Permission.UseChannels, (c, _, _) => c.GetAsync(Channels)),
        new("POST /api/v1/channels/open", Access.Scoped, Permission.UseChannels, async (c, w, t) =>
        {
            var place = await w.ChannelPlaceAsync(t);
            return place.Kind is NodeKind.Grid or NodeKind.Building
                ? await c.PostAsJsonAsync($"{Channels}/open", new { nodeCode = place.Code })
                : await c.PostAsJsonAsync($"{Channels}/open", new { campaignId = await w.CampaignAtAsync(place) });
        }),
        new("GET /api/v1/channels/{id:long}/messages", Access.Scoped, Permission.UseChannels, async (c, w, t) => await c.GetAsync($"{Channels}/{await w.ChannelAtAsync(t)}/messages")),
        Expect(new("POST /api/v1/channels/{id:long}/messages", Access.Scoped, Permission.UseChannels,
            async (c, w, t) => await c.PostAsJsonAsync($"{Channels}/{await w.ChannelAtAsync(t)}/messages", new { text = "矩阵 matrix" })), 201),
        new("GET /api/v1/channels/{id:long}/messages/{messageId:long}/photo", Access.Scoped, Permission.UseChannels, async (c, w, t) =>
        {
            var channel = await w.ChannelAtAsync(t);
            return await c.GetAsync($"{Channels}/{channel}/messages/{await w.MessageInAsync(channel)}/photo");
        }),
        new("GET /api/v1/channels/{id:long}/messages/{messageId:long}/readers", Access.Scoped, Permission.UseChannels, async (c, w, t) =>
        {
            // Only the sender sees readers: send as the caller when they may, else ask about someone else's message.
            var channel = await w.ChannelAtAsync(t);
            var sent = await c.PostAsJsonAsync($"{Channels}/{channel}/messages", new { text = "谁读了 who read" });
            var id = sent.IsSuccessStatusCode ? (await sent.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt64() : await w.MessageInAsync(channel);
            return await c.GetAsync($"{Channels}/{channel}/messages/{id}/readers");
        }),
        new("POST /api/v1/channels/{id:long}/messages/{messageId:long}/pin", Access.Scoped, Permission.PinChannelMessages, async (c, w, t) =>
        {
            var channel = await w.ChannelAtAsync(t);
            return await c.PostAsync($"{Channels}/{channel}/messages/{await w.MessageInAsync(channel)}/pin", null);
        }),
        new("DELETE /api/v1/channels/{id:long}/messages/{messageId:long}/pin", Access.Scoped, Permission.PinChannelMessages, async (c, w, t) =>
        {
            var channel = await w.ChannelAtAsync(t);
            return await c.DeleteAsync($"{Channels}/{channel}/messages/{await w.MessageInAsync(channel)}/pin");
        }),
        new("POST /api/v1/channels/{id:long}/read", Access.Scoped, Permission.UseChannels, async (c, w, t) => await c.PostAsJsonAsync($"{Channels}/{await w.ChannelAtAsync(t)}/read", new { })),
    ];

    /// <summary>The place whose channel a call uses: the target, or for an ancestor of the holder's place, a sibling of that place.</summary>
    public static async Task<Place> ChannelPlaceAsync(this MatrixWorld world, Place target) =>
        world.Home is { } home && home.Path != target.Path && home.Path.StartsWith(target.Path, StringComparison.Ordinal) ? await world.SiblingOfAsync(home) : target;

    /// <summary>The channel of a grid or building, or of a campaign covering any other place.</summary>
    public static async Task<long> ChannelAtAsync(this MatrixWorld world, Place target)
    {
        var place = await world.ChannelPlaceAsync(target);
        int? campaign = place.Kind is NodeKind.Grid or NodeKind.Building ? null : await world.CampaignAtAsync(place);
        var kind = campaign is null ? (place.Kind == NodeKind.Grid ? ChannelKind.Grid : ChannelKind.Building) : ChannelKind.Campaign;
        var key = Channel.KeyOf(kind, place.Id, campaign);
        return await world.App.WithDbAsync(async db =>
        {
            if (await db.Channels.Where(c => c.Key == key).Select(c => (long?)c.Id).FirstOrDefaultAsync() is { } id)
            {
                return id;
            }

            var channel = new Channel { Key = key, Kind = kind, NodeId = place.Id, NodePath = place.Path, CampaignId = campaign, CreatedAt = DateTimeOffset.UtcNow };
            db.Channels.Add(channel);
            await db.SaveChangesAsync();
            return channel.Id;
        });
    }

    public static async Task<int> CampaignAtAsync(this MatrixWorld world, Place place) => await world.App.WithDbAsync(async db =>
    {
        if (await db.Campaigns.Where(c => c.NodeId == place.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync() is { } id)
        {
            return id;
        }

        var campaign = new Campaign
        {
            Kind = CampaignKind.HeatWaveCheck, Title = "矩阵 matrix", Instructions = "x", NodeId = place.Id, NodePath = place.Path, Status = CampaignStatus.Active,
            StartsAt = DateTimeOffset.UtcNow.AddHours(-1), CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        return campaign.Id;
    });

    /// <summary>A message with a photo, sent by someone else, in the channel.</summary>
    public static async Task<long> MessageInAsync(this MatrixWorld world, long channel) => await world.App.WithDbAsync(async db =>
    {
        var message = new ChannelMessage { ChannelId = channel, SenderId = Guid.NewGuid(), Text = "矩阵 matrix", HasPhoto = true, SentAt = DateTimeOffset.UtcNow };
        db.ChannelMessages.Add(message);
        await db.SaveChangesAsync();
        db.ChannelPhotos.Add(new ChannelPhoto { MessageId = message.Id, Content = Infrastructure.TestImages.Jpeg(4, 4), Width = 4, Height = 4 });
        await db.SaveChangesAsync();
        return message.Id;
    });

    private static MatrixEntry Expect(MatrixEntry entry, int status) => entry with
    {
        Call = async (c, w, t) =>
        {
            var response = await entry.Call(c, w, t);
            response.Headers.Add("X-Matrix-Expected", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return response;
        },
    };
}
