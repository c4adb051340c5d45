using System.Net;
using System.Net.Http.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Integration.Partners;

public sealed class NegotiationTests
{
    [Theory, BothDatabases]
    public async Task A_negotiation_runs_from_parties_to_an_agreement_whose_tasks_are_cases(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var worker = await app.SignedInAsync("worker");
        var market = await app.PartnerIdAsync("石桥铺农贸市场");
        var committee = await app.PartnerIdAsync("石桥铺小区业主委员会");

        Assert.Equal(["parties"], await (await worker.PostAsJsonAsync("/api/v1/negotiations", new
        {
            nodeCode = PartnerWorld.Community, title = "通道", parties = new object[] { new { partnerId = market } },
        })).ErrorFieldsAsync(HttpStatusCode.BadRequest));
        Assert.Equal(["parties[1]"], await (await worker.PostAsJsonAsync("/api/v1/negotiations", new
        {
            nodeCode = PartnerWorld.Community, title = "通道", parties = new object[] { new { partnerId = market }, new { partnerId = committee, groupName = "两者" } },
        })).ErrorFieldsAsync(HttpStatusCode.BadRequest));
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsJsonAsync("/api/v1/negotiations", new
        {
            nodeCode = PartnerWorld.OtherCommunity, title = "通道", parties = new object[] { new { partnerId = market }, new { groupName = "居民" } },
        })).StatusCode);

        var opened = await (await worker.PostAsJsonAsync("/api/v1/negotiations", new
        {
            nodeCode = PartnerWorld.Community, title = "北侧通道与活动空间", parties = new object[] { new { partnerId = market }, new { partnerId = committee }, new { groupName = "沿街住户" } },
        })).JsonAsync(HttpStatusCode.Created);
        var id = opened.GetProperty("id").GetInt32();
        var parties = opened.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()).ToArray();
        Assert.Equal("石桥铺农贸市场", opened.GetProperty("parties")[0].GetProperty("name").GetString());

        Assert.Equal(["minutes"], await (await worker.PostAsJsonAsync($"/api/v1/negotiations/{id}/meetings", new { heldAt = DateTimeOffset.UtcNow.AddHours(-1) })).ErrorFieldsAsync(HttpStatusCode.BadRequest));
        await (await worker.PostAsJsonAsync($"/api/v1/negotiations/{id}/meetings", new { heldAt = DateTimeOffset.UtcNow.AddHours(-1), place = "议事厅", minutes = "各方陈述诉求" })).JsonAsync(HttpStatusCode.OK);
        var withProposal = await (await worker.PostAsJsonAsync($"/api/v1/negotiations/{id}/proposals", new { title = "错峰", text = "早间通行，晚间活动", proposedByPartyId = parties[1] })).JsonAsync(HttpStatusCode.OK);
        var proposal = withProposal.GetProperty("proposals")[0].GetProperty("id").GetInt32();

        await (await worker.PutAsJsonAsync($"/api/v1/negotiations/{id}/proposals/{proposal}/positions/{parties[0]}", new { position = "Oppose", note = "卸货时间不够" })).JsonAsync(HttpStatusCode.OK);
        await (await worker.PutAsJsonAsync($"/api/v1/negotiations/{id}/proposals/{proposal}/positions/{parties[0]}", new { position = "Support", note = "延长至 9:30 后同意" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["position"], await (await worker.PutAsJsonAsync($"/api/v1/negotiations/{id}/proposals/{proposal}/positions/{parties[1]}", new { position = "Maybe" })).ErrorFieldsAsync(HttpStatusCode.BadRequest));
        Assert.Equal(HttpStatusCode.NotFound, (await worker.PutAsJsonAsync($"/api/v1/negotiations/{id}/proposals/{proposal}/positions/999999", new { position = "Support" })).StatusCode);
        var positioned = await (await worker.PutAsJsonAsync($"/api/v1/negotiations/{id}/proposals/{proposal}/positions/{parties[1]}", new { position = "Abstain" })).JsonAsync(HttpStatusCode.OK);
        var positions = positioned.GetProperty("proposals")[0].GetProperty("positions").EnumerateArray().ToList();
        Assert.Equal(["Support", "Abstain"], positions.Select(p => p.GetProperty("position").GetString()));

        var task = new { category = "other", description = "北侧通道安装限时道闸", buildingCode = Web.Features.Demo.DemoAccounts.BuildingCode };
        Assert.Equal(HttpStatusCode.Conflict, (await worker.PostAsJsonAsync($"/api/v1/negotiations/{id}/tasks", task)).StatusCode);
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1));
        Assert.Equal(["partyIds"], await (await worker.PostAsJsonAsync($"/api/v1/negotiations/{id}/agreement", new { text = "协议", signedOn = yesterday, partyIds = new[] { parties[0] } })).ErrorFieldsAsync(HttpStatusCode.BadRequest));
        var agreed = await (await worker.PostAsJsonAsync($"/api/v1/negotiations/{id}/agreement", new
        {
            text = "每日 6:00–9:30 市场车辆通行，18:00–21:00 为居民活动空间。", signedOn = yesterday, partyIds = new[] { parties[0], parties[1] }, proposalId = proposal,
        })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Agreed", agreed.GetProperty("state").GetString());
        Assert.Equal([true, true, false], agreed.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("signedAgreement").GetBoolean()));
        Assert.Equal(HttpStatusCode.Conflict, (await worker.PostAsJsonAsync($"/api/v1/negotiations/{id}/proposals", new { title = "再议", text = "x" })).StatusCode);

        var otherBuilding = Web.Features.Demo.TreeGenerator.ShiqiaopuCode + "002001001";
        Assert.Equal(["buildingCode"], await (await worker.PostAsJsonAsync($"/api/v1/negotiations/{id}/tasks", task with { buildingCode = otherBuilding })).ErrorFieldsAsync(HttpStatusCode.BadRequest));
        Assert.Equal(["category"], await (await worker.PostAsJsonAsync($"/api/v1/negotiations/{id}/tasks", task with { category = "nope" })).ErrorFieldsAsync(HttpStatusCode.BadRequest));
        var withTask = await (await worker.PostAsJsonAsync($"/api/v1/negotiations/{id}/tasks", task)).JsonAsync(HttpStatusCode.OK);
        var listed = Assert.Single(withTask.GetProperty("tasks").EnumerateArray());
        var number = listed.GetProperty("caseNumber").GetInt64();
        var filed = await app.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == number));
        Assert.Equal(CaseSource.Staff, filed.Source);
        Assert.Equal(filed.State.ToString(), listed.GetProperty("state").GetString());
        Assert.Equal(1, await app.WithDbAsync(db => db.NegotiationTasks.CountAsync(t => t.NegotiationId == id)));

        var list = await (await worker.GetAsync("/api/v1/negotiations")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(list.EnumerateArray(), n => n.GetProperty("id").GetInt32() == id && n.GetProperty("tasks").GetInt32() == 1);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync("police")).GetAsync($"/api/v1/negotiations/{id}")).StatusCode);
    }
}
