using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Demo;
using Linli.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Integration.Notifications;

public sealed partial class BroadcastTests
{
    [Theory, BothDatabases]
    public async Task A_worker_broadcasts_to_opted_in_residents_of_their_own_subtree_only_and_sees_acknowledgements(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind, new Dictionary<string, string?> { ["Notifications:SigningKey"] = "broadcast-test-key" });
        var resident = await app.SignedInAsync("resident");
        await resident.PutAsJsonAsync("/api/v1/me/household", new { unitCode = DemoAccounts.UnitCode, consentVersion = Web.Features.People.Consents.HouseholdLinkText.Version });
        await resident.PutAsJsonAsync("/api/v1/me/notifications", new { broadcasts = "inApp" });
        var worker = await app.SignedInAsync("worker");
        var elsewhere = await app.WithDbAsync(db => db.Nodes.Where(n => n.Kind == Web.Features.Tree.NodeKind.Community && n.Code != DemoAccounts.CommunityCode).Select(n => n.Code).FirstAsync());
        var before = await app.WithDbAsync(db => db.Broadcasts.CountAsync());

        var outside = await worker.PostAsJsonAsync("/api/v1/broadcasts", new { nodeCode = elsewhere, audience = "residents", text = "越界通知", urgent = true });
        var afterRefusal = await app.WithDbAsync(db => db.Broadcasts.CountAsync());
        var sent = await worker.PostAsJsonAsync("/api/v1/broadcasts", new { nodeCode = DemoAccounts.CommunityCode, audience = "residents", text = "<b>明天</b>上午停水 Water off tomorrow morning", urgent = true });
        var created = await sent.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("broadcast").GetProperty("id").GetInt64();
        await app.SendOutboxAsync();
        var message = await app.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.BroadcastId == id && m.UserId != null && m.Channel == NotificationChannel.InApp));
        var link = new Uri(app.Service<MessageText>().AckLink(message.Id)).PathAndQuery;
        var browser = app.Anonymous();
        var opened = await browser.GetStringAsync(link);
        var afterOpening = await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.BroadcastId == id && m.AcknowledgedAt != null));
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = Antiforgery().Match(opened).Groups[1].Value, ["_handler"] = "acknowledge" };
        var ack = await browser.PostAsync(link, new FormUrlEncodedContent(form));
        var again = await browser.PostAsync(link, new FormUrlEncodedContent(form));
        var reopened = await browser.GetStringAsync(link);
        var forged = await app.Anonymous().GetAsync("/ack/" + app.Service<NotificationKeys>().Sign(TokenPurpose.Unsubscribe, message.Id));
        var detail = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/broadcasts/{id}");
        var gridChief = await (await app.SignedInAsync("gridchief")).GetAsync($"/api/v1/broadcasts/{id}");
        var page = await worker.GetStringAsync($"/work/broadcasts/{id}");

        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        Assert.Equal(before, afterRefusal);
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        Assert.DoesNotContain("<b>", created.GetProperty("broadcast").GetProperty("text").GetString());
        Assert.Contains("Water off tomorrow morning", opened);
        Assert.Contains("confirm-ack", opened);
        Assert.Equal(0, afterOpening);
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Contains("id=\"acknowledged\"", await ack.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("id=\"acknowledged\"", reopened);
        Assert.DoesNotContain("confirm-ack", reopened);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.True(detail.GetProperty("counts").GetProperty("sent").GetInt32() >= 1);
        Assert.Equal(1, detail.GetProperty("counts").GetProperty("acknowledged").GetInt32());
        Assert.Equal(1, detail.GetProperty("children").EnumerateArray().Sum(c => c.GetProperty("acknowledged").GetInt32()));
        Assert.Equal(HttpStatusCode.Forbidden, gridChief.StatusCode);
        Assert.Contains("count-acknowledged", page);
    }

    [Theory, BothDatabases]
    public async Task The_demo_community_shows_a_delivered_broadcast_to_its_building_chiefs_partly_acknowledged(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var worker = await app.SignedInAsync("worker");

        var list = await worker.GetFromJsonAsync<JsonElement>("/api/v1/broadcasts");
        var demo = list.EnumerateArray().Single(b => b.GetProperty("nodeCode").GetString() == DemoAccounts.CommunityCode);
        var detail = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/broadcasts/{demo.GetProperty("id").GetInt64()}");
        var counts = detail.GetProperty("counts");
        var recipients = demo.GetProperty("recipients").GetInt32();
        var page = await worker.GetStringAsync("/work/broadcasts");
        var due = await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.BroadcastId != null && m.SentAt == null));

        Assert.Equal("BuildingChiefs", demo.GetProperty("audience").GetString());
        Assert.True(recipients >= 3);
        Assert.Equal(recipients, counts.GetProperty("sent").GetInt32());
        Assert.InRange(counts.GetProperty("acknowledged").GetInt32(), 1, recipients - 1);
        Assert.Equal(counts.GetProperty("acknowledged").GetInt32(), detail.GetProperty("children").EnumerateArray().Sum(c => c.GetProperty("acknowledged").GetInt32()));
        Assert.Contains("消防检查", page);
        Assert.Equal(0, due);
    }

    [Theory, BothDatabases]
    public async Task A_broadcast_to_unit_chiefs_reaches_each_chief_under_the_node_once_and_the_wecom_group(DatabaseKind kind)
    {
        await using var robot = await LoopbackReceiver.StartAsync((_, _) => (200, """{"errcode":0}"""));
        await using var app = await LinliApp.StartAsync(kind, new Dictionary<string, string?> { ["Notifications:WeCom:Robots:chiefs:Url"] = robot.Url });
        var street = await app.SignedInAsync("street");
        var expected = await app.WithDbAsync(db => db.RoleAssignments.Where(r => r.Role == Web.Features.People.StaffRole.UnitChief && r.Node!.Path.Contains("/" + DemoAccounts.CommunityCode + "/"))
            .Select(r => r.UserId).Distinct().CountAsync());

        var sent = await street.PostAsJsonAsync("/api/v1/broadcasts", new { nodeCode = DemoAccounts.CommunityCode, audience = "unitChiefs", text = "请今晚排查楼道 Check the stairwells tonight", weComRobot = "chiefs" });
        var id = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("broadcast").GetProperty("id").GetInt64();
        var rows = await app.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.BroadcastId == id).ToListAsync());

        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        Assert.True(expected >= 1);
        Assert.Equal(expected, rows.Count(m => m.UserId != null));
        Assert.Equal(expected, rows.Where(m => m.UserId != null).Select(m => m.UserId).Distinct().Count());
        Assert.Single(rows, m => m.Channel == NotificationChannel.WeCom && m.Recipient == "chiefs");
    }

    [System.Text.RegularExpressions.GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex Antiforgery();
}
