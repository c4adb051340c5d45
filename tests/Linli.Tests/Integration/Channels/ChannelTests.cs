using System.Net;
using System.Net.Http.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Campaigns;
using Linli.Web.Features.Channels;
using Linli.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Linli.Tests.Integration.Channels.ChannelWorld;

namespace Linli.Tests.Integration.Channels;

public sealed class ChannelTests
{
    [Theory, BothDatabases]
    public async Task The_grid_channel_takes_the_grid_chief_and_the_chiefs_inside_the_grid_but_not_a_sibling_grid_or_the_police(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var gridChief = await app.SignedInAsync("gridchief");
        var buildingChief = await app.SignedInAsync("buildingchief");
        var unitChief = await app.SignedInAsync("unitchief");
        var worker = await app.SignedInAsync("worker");
        var police = await app.SignedInAsync("police");
        var siblingChief = await app.HolderAsync("sibling-chief", StaffRole.GridChief, SiblingGrid);

        var channel = await gridChief.OpenAsync(Grid);

        // The demo grid's channel: the grid chief's pinned instruction on top, a report with a location, two unread.
        var demo = await unitChief.HistoryAsync(channel);
        var pinned = Assert.Single(demo.GetProperty("pinned").EnumerateArray());
        Assert.StartsWith("【通知】本周六上午9点清理全网格楼道杂物", pinned.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("陈海燕", pinned.GetProperty("sender").GetString());
        Assert.Contains(demo.GetProperty("messages").EnumerateArray(), m => m.GetProperty("latitude").ValueKind == System.Text.Json.JsonValueKind.Number);
        var unitChiefList = await (await unitChief.GetAsync("/api/v1/channels")).JsonAsync();
        Assert.Equal(2, unitChiefList.EnumerateArray().Single(c => c.GetProperty("id").GetInt64() == channel).GetProperty("unread").GetInt32());

        var sent = await gridChief.SendAsync(channel, "今晚八点全网格消杀 Disinfection across the grid at 8pm");
        foreach (var member in new[] { gridChief, buildingChief, unitChief, worker })
        {
            var list = await (await member.GetAsync("/api/v1/channels")).JsonAsync();
            Assert.Contains(list.EnumerateArray(), c => c.GetProperty("id").GetInt64() == channel);
            Assert.Equal(sent, (await member.HistoryAsync(channel)).GetProperty("messages")[0].GetProperty("id").GetInt64());
        }

        var siblingList = await (await siblingChief.GetAsync("/api/v1/channels")).JsonAsync();
        Assert.DoesNotContain(siblingList.EnumerateArray(), c => c.GetProperty("id").GetInt64() == channel);
        Assert.Equal(HttpStatusCode.Forbidden, (await siblingChief.GetAsync($"/api/v1/channels/{channel}/messages")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await siblingChief.PostAsJsonAsync($"/api/v1/channels/{channel}/messages", new { text = "hi" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await siblingChief.PostAsJsonAsync("/api/v1/channels/open", new { nodeCode = Grid })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync("/api/v1/channels")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync($"/api/v1/channels/{channel}/messages")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.PostAsJsonAsync($"/api/v1/channels/{channel}/messages", new { text = "hi" })).StatusCode);

        var buildingChannel = await buildingChief.OpenAsync(Building);
        Assert.Equal(HttpStatusCode.Forbidden, (await siblingChief.GetAsync($"/api/v1/channels/{buildingChannel}/messages")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await gridChief.GetAsync($"/api/v1/channels/{buildingChannel}/messages")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Messages_page_back_through_history_and_unread_counts_follow_the_read_pointer(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var gridChief = await app.SignedInAsync("gridchief");
        var unitChief = await app.SignedInAsync("unitchief");
        var channel = await gridChief.OpenAsync(Building);
        var ids = new List<long>();
        for (var i = 1; i <= 5; i++)
        {
            ids.Add(await gridChief.SendAsync(channel, $"第{i}条 message {i}"));
        }

        var first = await unitChief.HistoryAsync(channel, "?take=2");
        Assert.Equal([ids[4], ids[3]], first.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("id").GetInt64()));
        var before = first.GetProperty("before").GetInt64();
        var second = await unitChief.HistoryAsync(channel, $"?take=2&before={before}");
        Assert.Equal([ids[2], ids[1]], second.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("id").GetInt64()));
        var last = await unitChief.HistoryAsync(channel, $"?take=2&before={second.GetProperty("before").GetInt64()}");
        Assert.Equal([ids[0]], last.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("id").GetInt64()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, last.GetProperty("before").ValueKind);

        async Task<int> UnreadAsync(HttpClient client) => (await (await client.GetAsync("/api/v1/channels")).JsonAsync()).EnumerateArray()
            .Single(c => c.GetProperty("id").GetInt64() == channel).GetProperty("unread").GetInt32();
        Assert.Equal(5, await UnreadAsync(unitChief));
        Assert.Equal(0, await UnreadAsync(gridChief));
        await unitChief.PostAsJsonAsync($"/api/v1/channels/{channel}/read", new { upTo = ids[2] });
        Assert.Equal(2, await UnreadAsync(unitChief));
        var back = await unitChief.PostAsJsonAsync($"/api/v1/channels/{channel}/read", new { upTo = ids[0] });
        Assert.Equal(ids[2], (await back.JsonAsync()).GetProperty("lastReadMessageId").GetInt64());
        Assert.Equal(2, await UnreadAsync(unitChief));
    }

    [Theory, BothDatabases]
    public async Task Read_receipts_count_members_and_only_the_sender_sees_who_read(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var gridChief = await app.SignedInAsync("gridchief");
        var buildingChief = await app.SignedInAsync("buildingchief");
        var unitChief = await app.SignedInAsync("unitchief");
        var channel = await gridChief.OpenAsync(Building);
        var message = await gridChief.SendAsync(channel, "明早七点集合 Meet at 7am");
        var members = (await gridChief.HistoryAsync(channel)).GetProperty("members").GetInt32();

        await buildingChief.PostAsJsonAsync($"/api/v1/channels/{channel}/read", new { });
        await unitChief.PostAsJsonAsync($"/api/v1/channels/{channel}/read", new { upTo = message });
        var seen = (await gridChief.HistoryAsync(channel)).GetProperty("messages")[0];

        Assert.Equal(2, seen.GetProperty("readBy").GetInt32());
        Assert.Equal(members - 1, seen.GetProperty("of").GetInt32());
        var readers = await (await gridChief.GetAsync($"/api/v1/channels/{channel}/messages/{message}/readers")).JsonAsync();
        Assert.Equal(["杨志强", "赵桂英"], readers.EnumerateArray().Select(r => r.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, (await unitChief.GetAsync($"/api/v1/channels/{channel}/messages/{message}/readers")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await unitChief.PostAsJsonAsync($"/api/v1/channels/{channel}/read", new { upTo = message + 1000 })).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task The_grid_chief_pins_an_instruction_a_unit_chief_may_not(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var gridChief = await app.SignedInAsync("gridchief");
        var unitChief = await app.SignedInAsync("unitchief");
        var channel = await gridChief.OpenAsync(Building);
        var instruction = await gridChief.SendAsync(channel, "排查时戴口罩 Wear masks while screening");
        await gridChief.SendAsync(channel, "收到 Received");

        Assert.Equal(HttpStatusCode.Forbidden, (await unitChief.PostAsync($"/api/v1/channels/{channel}/messages/{instruction}/pin", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await gridChief.PostAsync($"/api/v1/channels/{channel}/messages/{instruction}/pin", null)).StatusCode);
        var history = await unitChief.HistoryAsync(channel);
        Assert.Equal([instruction], history.GetProperty("pinned").EnumerateArray().Select(m => m.GetProperty("id").GetInt64()));
        Assert.False(history.GetProperty("mayPin").GetBoolean());
        Assert.True((await gridChief.HistoryAsync(channel)).GetProperty("mayPin").GetBoolean());

        Assert.Equal(HttpStatusCode.NoContent, (await gridChief.DeleteAsync($"/api/v1/channels/{channel}/messages/{instruction}/pin")).StatusCode);
        Assert.Empty((await unitChief.HistoryAsync(channel)).GetProperty("pinned").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await gridChief.PostAsync($"/api/v1/channels/{channel}/messages/{instruction + 1000}/pin", null)).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_photo_loses_its_metadata_and_a_location_is_kept(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var gridChief = await app.SignedInAsync("gridchief");
        var channel = await gridChief.OpenAsync(Grid);
        var original = TestImages.JpegWithGpsExif(64, 48);
        Assert.True(TestImages.ContainsExif(original));

        using var form = new MultipartFormDataContent
        {
            { new StringContent("<b>积水</b> Flooded basement"), "text" },
            { new StringContent("29.53"), "latitude" },
            { new StringContent("106.505"), "longitude" },
            { new ByteArrayContent(original), "photo", "basement.jpg" },
        };
        var sent = await gridChief.PostAsync($"/api/v1/channels/{channel}/messages", form);
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var message = (await gridChief.HistoryAsync(channel)).GetProperty("messages")[0];
        var photo = await gridChief.GetByteArrayAsync(message.GetProperty("photoUrl").GetString());

        Assert.Equal("积水 Flooded basement", message.GetProperty("text").GetString());
        Assert.Equal(29.53, message.GetProperty("latitude").GetDouble());
        Assert.Equal(106.505, message.GetProperty("longitude").GetDouble());
        Assert.Equal(0xFF, photo[0]);
        Assert.False(TestImages.ContainsExif(photo));
        var police = await app.SignedInAsync("police");
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync(message.GetProperty("photoUrl").GetString())).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Bad_messages_are_refused_by_field_and_nothing_is_stored(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var gridChief = await app.SignedInAsync("gridchief");
        var channel = await gridChief.OpenAsync(Grid);
        var stored = await app.WithDbAsync(db => db.ChannelMessages.CountAsync());

        async Task<string> RefusedFieldAsync(HttpContent content)
        {
            var response = await gridChief.PostAsync($"/api/v1/channels/{channel}/messages", content);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return Assert.Single((await response.JsonAsync()).GetProperty("errors").EnumerateObject()).Name;
        }

        Assert.Equal("text", await RefusedFieldAsync(JsonContent.Create(new { text = "   " })));
        Assert.Equal("text", await RefusedFieldAsync(JsonContent.Create(new { text = "<script></script>" })));
        Assert.Equal("text", await RefusedFieldAsync(JsonContent.Create(new { text = new string('长', ChannelMessage.MaxText + 1) })));
        Assert.Equal("latitude", await RefusedFieldAsync(JsonContent.Create(new { text = "ok", latitude = 91.0, longitude = 106.5 })));
        Assert.Equal("longitude", await RefusedFieldAsync(JsonContent.Create(new { latitude = 29.5 })));
        Assert.Equal("photo[0]", await RefusedFieldAsync(new MultipartFormDataContent { { new ByteArrayContent("not an image"u8.ToArray()), "photo", "x.jpg" } }));
        Assert.Equal(HttpStatusCode.BadRequest, (await gridChief.GetAsync($"/api/v1/channels/{channel}/messages?take=0")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gridChief.GetAsync("/api/v1/channels/999999/messages")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await gridChief.PostAsJsonAsync("/api/v1/channels/open", new { nodeCode = DemoCommunity })).StatusCode);

        Assert.Equal(stored, await app.WithDbAsync(db => db.ChannelMessages.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.ChannelPhotos.CountAsync()));
    }

    private const string DemoCommunity = Linli.Web.Features.Demo.DemoAccounts.CommunityCode;

    [Theory, BothDatabases]
    public async Task A_campaign_channel_takes_everyone_under_the_campaign_and_its_messages_go_after_the_retention(DatabaseKind kind)
    {
        var clock = TestClock.StartingNow();
        await using var app = await LinliApp.StartAsync(kind, services: s => s.AddSingleton<TimeProvider>(clock));
        var street = await app.SignedInAsync("street");
        var unitChief = await app.SignedInAsync("unitchief");
        var campaignId = await app.WithDbAsync(async db =>
        {
            var node = await db.Nodes.Where(n => n.Code == Linli.Web.Features.Demo.TreeGenerator.ShiqiaopuCode).SingleAsync();
            var campaign = new Campaign
            {
                Kind = CampaignKind.FloodCheck, Title = "防汛检查 Flood check", Instructions = "检查地下室 Check basements", NodeId = node.Id, NodePath = node.Path,
                Status = CampaignStatus.Active, StartsAt = clock.GetUtcNow().AddHours(-1), RetentionDays = 30, CreatedAt = clock.GetUtcNow(),
            };
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
            var unit = await db.Nodes.Where(n => n.Code == Linli.Web.Features.Demo.DemoAccounts.UnitCode).SingleAsync();
            var grid = await db.Nodes.Where(n => n.Code == Linli.Web.Features.Demo.DemoAccounts.GridCode).Select(n => n.Id).SingleAsync();
            db.CampaignTasks.Add(new CampaignTask
            {
                CampaignId = campaign.Id, Kind = CampaignTaskKind.CheckVulnerable, NodeId = unit.Id, NodePath = unit.Path, GridId = grid,
                Status = CampaignTaskStatus.Done, Note = "3楼积水 Water on the 3rd floor",
            });
            await db.CampaignTasks.Where(t => t.CampaignId != campaign.Id).Take(1).ExecuteUpdateAsync(s => s.SetProperty(t => t.Note, "另一行动 Another campaign"));
            await db.SaveChangesAsync();
            return campaign.Id;
        });

        var demoTalk = await app.WithDbAsync(db => db.ChannelMessages.CountAsync());
        var listed = await (await unitChief.GetAsync("/api/v1/channels")).JsonAsync();
        var channel = listed.EnumerateArray().Single(c => c.GetProperty("campaignId").ValueKind == System.Text.Json.JsonValueKind.Number && c.GetProperty("campaignId").GetInt32() == campaignId).GetProperty("id").GetInt64();
        await street.SendAsync(channel, "各单元长请报平安 Unit chiefs, report in");
        var buildingChannel = await street.OpenAsync(Building);
        await street.SendAsync(buildingChannel, "旧消息 Old building message");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync("police")).GetAsync($"/api/v1/channels/{channel}/messages")).StatusCode);

        async Task<int> RunAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ChannelRetention>().RunOnceAsync();
        }

        clock.Advance(TimeSpan.FromDays(10));
        street = await app.SignedInAsync("street"); // a fresh cookie on the moved clock
        await app.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaignId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Status, CampaignStatus.Ended).SetProperty(c => c.EndedAt, clock.GetUtcNow())));
        var fresh = await street.SendAsync(buildingChannel, "新消息 New building message");
        Assert.Equal(0, await RunAsync());

        clock.Advance(TimeSpan.FromDays(31));
        Assert.Equal(1, await RunAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.CampaignTasks.CountAsync(t => t.CampaignId == campaignId && t.Note != null)));
        Assert.Equal(1, await app.WithDbAsync(db => db.CampaignTasks.CountAsync(t => t.CampaignId == campaignId)));
        Assert.Equal(1, await app.WithDbAsync(db => db.CampaignTasks.CountAsync(t => t.CampaignId != campaignId && t.Note == "另一行动 Another campaign")));
        street = await app.SignedInAsync("street");
        Assert.Empty((await street.HistoryAsync(channel)).GetProperty("messages").EnumerateArray());
        Assert.Equal(2, (await street.HistoryAsync(buildingChannel)).GetProperty("messages").GetArrayLength());

        clock.Advance(TimeSpan.FromDays(180 - 41 + 1));
        Assert.Equal(1 + demoTalk, await RunAsync()); // the demo grid's talk, a day older, goes too
        Assert.Equal(0, await app.WithDbAsync(db => db.ChannelMessages.CountAsync(m => m.ChannelId != buildingChannel)));
        street = await app.SignedInAsync("street");
        Assert.Equal([fresh], (await street.HistoryAsync(buildingChannel)).GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("id").GetInt64()));
    }
}
