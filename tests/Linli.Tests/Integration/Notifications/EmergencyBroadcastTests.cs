using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Campaigns;
using Linli.Web.Features.Demo;
using Linli.Web.Features.Tree;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Integration.Notifications;

public sealed class EmergencyBroadcastTests
{
    [Theory, BothDatabases]
    public async Task A_campaigns_emergency_notice_to_unit_chiefs_is_counted_per_grid_least_acknowledged_first(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var street = await app.SignedInAsync("street");
        var (streetCode, campaignId, endedId) = await app.WithDbAsync(async db =>
        {
            var node = await db.Nodes.SingleAsync(n => n.Code == Web.Features.Demo.TreeGenerator.ShiqiaopuCode);
            var now = DateTimeOffset.UtcNow;
            var running = new Campaign { Kind = CampaignKind.FloodCheck, Title = "防汛检查 Flood check", Instructions = "检查地下室", NodeId = node.Id, NodePath = node.Path, StartsAt = now.AddHours(-1), CreatedAt = now };
            var ended = new Campaign { Kind = CampaignKind.HeatWaveCheck, Title = "高温巡查", Instructions = "探访独居老人", NodeId = node.Id, NodePath = node.Path, StartsAt = now.AddDays(-9), Status = CampaignStatus.Ended, EndedAt = now.AddDays(-1), CreatedAt = now };
            db.Campaigns.AddRange(running, ended);
            await db.SaveChangesAsync();
            return (node.Code, running.Id, ended.Id);
        });
        var elsewhere = await app.WithDbAsync(db => db.Nodes.Where(n => n.Kind == NodeKind.Street && n.Code != streetCode).Select(n => n.Code).FirstOrDefaultAsync());

        var refusedEnded = await street.PostAsJsonAsync("/api/v1/broadcasts", new { nodeCode = streetCode, audience = "unitChiefs", text = "暴雨预警", urgent = true, campaignId = endedId });
        var sent = await street.PostAsJsonAsync("/api/v1/broadcasts", new { nodeCode = streetCode, audience = "unitChiefs", text = "暴雨预警：今晚检查地下室 Storm warning: check basements tonight", urgent = true, campaignId });
        var created = await sent.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("broadcast").GetProperty("id").GetInt64();

        // Every unit chief of the first grid acknowledges; nobody else does.
        var firstGrid = await app.WithDbAsync(db => db.Nodes.Where(n => n.Kind == NodeKind.Grid && n.Path.StartsWith(db.Nodes.Single(s => s.Code == streetCode).Path)).OrderBy(n => n.Code).Select(n => new { n.Code, n.Path }).FirstAsync());
        var acknowledged = await app.WithDbAsync(db => db.Outbox.Where(m => m.BroadcastId == id && m.AudiencePath!.StartsWith(firstGrid.Path))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.AcknowledgedAt, DateTimeOffset.UtcNow)));
        var grids = await street.GetFromJsonAsync<JsonElement>($"/api/v1/broadcasts/{id}/grids");
        var rows = grids.GetProperty("grids").EnumerateArray().ToList();
        var community = await street.GetFromJsonAsync<JsonElement>($"/api/v1/broadcasts/{id}/grids?node={DemoAccounts.CommunityCode}");
        var unknown = await street.GetAsync($"/api/v1/broadcasts/{id}/grids?node=999999999999999");
        var forWorker = await (await app.SignedInAsync("gridchief")).GetAsync($"/api/v1/broadcasts/{id}/grids");
        var ofCampaign = await street.GetFromJsonAsync<JsonElement>($"/api/v1/broadcasts?campaignId={campaignId}");
        var ofEnded = await street.GetFromJsonAsync<JsonElement>($"/api/v1/broadcasts?campaignId={endedId}");
        var page = await street.GetStringAsync($"/work/broadcasts/{id}");
        var form = await street.GetStringAsync($"/work/broadcasts/new?campaign={campaignId}");
        var campaignPage = await street.GetStringAsync($"/work/campaigns/{campaignId}");

        Assert.Equal(HttpStatusCode.BadRequest, refusedEnded.StatusCode);
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        Assert.True(acknowledged >= 1);
        Assert.Equal(created.GetProperty("broadcast").GetProperty("recipients").GetInt32(), rows.Sum(g => g.GetProperty("recipients").GetInt32()));
        Assert.Equal(acknowledged, rows.Sum(g => g.GetProperty("acknowledged").GetInt32()));
        Assert.Equal(firstGrid.Code, rows.Last(g => g.GetProperty("recipients").GetInt32() > 0).GetProperty("code").GetString());
        Assert.Equal(0, rows[0].GetProperty("acknowledged").GetInt32());
        Assert.All(community.GetProperty("grids").EnumerateArray(), g => Assert.StartsWith(DemoAccounts.CommunityCode, g.GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forWorker.StatusCode);
        Assert.Equal(id, ofCampaign.EnumerateArray().Single().GetProperty("id").GetInt64());
        Assert.Empty(ofEnded.EnumerateArray());
        Assert.Contains("grid-acks", page);
        Assert.Contains($"data-grid=\"{rows[0].GetProperty("code").GetString()}\"", page);
        Assert.Contains("name=\"campaignId\"", form);
        Assert.Contains("防汛检查", form);
        Assert.Contains("id=\"emergency-notice\"", campaignPage);
        Assert.Contains($"/work/broadcasts/{id}", campaignPage);
        if (elsewhere is not null)
        {
            var outside = await street.PostAsJsonAsync("/api/v1/broadcasts", new { nodeCode = elsewhere, audience = "unitChiefs", text = "越界", campaignId });
            Assert.True(outside.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest);
        }
    }
}
