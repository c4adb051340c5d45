using System.Net;
using System.Net.Http.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Demo;
using Linli.Web.Features.Notifications;
using Linli.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Integration.Feedback.FeedbackWorld;

namespace Linli.Tests.Integration.Feedback;

public sealed class FeedbackResponseTests
{
    [Theory, BothDatabases]
    public async Task Only_staff_who_speak_for_the_unit_reply_and_the_reply_shows_the_unit(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var community = await app.OfficeAsync(Community);
        var water = await app.DepartmentAsync(DemoOrganisations.WaterUtility.Code);
        var (resident, _) = await app.AccountAsync();
        var (worker, _) = await app.AccountAsync(StaffRole.CommunityWorker, Community);
        var (otherStreetWorker, _) = await app.AccountAsync(StaffRole.CommunityWorker, await app.OtherStreetCommunityAsync());
        var (gridChief, _) = await app.AccountAsync(StaffRole.GridChief, DemoAccounts.GridCode);
        var (handler, _) = await app.AccountAsync(StaffRole.DepartmentHandler, departmentCode: DemoOrganisations.WaterUtility.Code);
        var (street, _) = await app.AccountAsync(StaffRole.StreetStaff, Web.Features.Demo.TreeGenerator.ShiqiaopuCode);
        var toCommunity = await resident.PostedAsync(community);
        var toWater = await resident.PostedAsync(water, "水压低");

        var refusedOtherStreet = await otherStreetWorker.PostAsJsonAsync($"/api/v1/feedback/posts/{toCommunity}/replies", new { text = "不是我们的" });
        var refusedGridChief = await gridChief.PostAsJsonAsync($"/api/v1/feedback/posts/{toCommunity}/replies", new { text = "网格长" });
        var refusedHandler = await handler.PostAsJsonAsync($"/api/v1/feedback/posts/{toCommunity}/replies", new { text = "水务" });
        var refusedWorkerOnWater = await worker.PostAsJsonAsync($"/api/v1/feedback/posts/{toWater}/replies", new { text = "社区" });
        var empty = await worker.PostAsJsonAsync($"/api/v1/feedback/posts/{toCommunity}/replies", new { text = " " });
        var replied = await worker.PostAsJsonAsync($"/api/v1/feedback/posts/{toCommunity}/replies", new { text = "已安排查看。" });
        var streetReplied = await street.PostAsJsonAsync($"/api/v1/feedback/posts/{toCommunity}/replies", new { text = "街道也在跟进。" });
        var handlerReplied = await handler.PostAsJsonAsync($"/api/v1/feedback/posts/{toWater}/replies", new { text = "已安排检测。" });

        foreach (var refused in new[] { refusedOtherStreet, refusedGridChief, refusedHandler, refusedWorkerOnWater })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replied.StatusCode);
        Assert.Equal(HttpStatusCode.OK, streetReplied.StatusCode);
        Assert.Equal(HttpStatusCode.OK, handlerReplied.StatusCode);
        var shown = await app.Anonymous().GetAsync($"/api/v1/feedback/posts/{toCommunity}");
        var view = await shown.JsonAsync();
        Assert.Equal(["已安排查看。", "街道也在跟进。"], view.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("text").GetString()));
        Assert.EndsWith("居委会", view.GetProperty("unitName").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("李四", await shown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("九龙坡区供水服务中心", (await (await app.Anonymous().GetAsync($"/api/v1/feedback/posts/{toWater}")).JsonAsync()).GetProperty("unitName").GetString());
        Assert.Equal(1, await app.WithDbAsync(db => db.FeedbackReplies.CountAsync(r => r.PostId == toWater)));

        var figures = (await (await app.Anonymous().GetAsync($"/api/v1/feedback/units/{water}")).JsonAsync()).GetProperty("figures");
        Assert.True(figures.GetProperty("replied").GetInt32() >= 1);
        Assert.True(figures.GetProperty("medianHoursToFirstReply").GetDouble() >= 0);
    }

    [Theory, BothDatabases]
    public async Task Adoption_creates_a_commitment_whose_progress_followers_hear_of_until_done(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var unit = await app.OfficeAsync(Community);
        var (author, authorId) = await app.AccountAsync();
        var (follower, followerId) = await app.AccountAsync();
        var (leaver, leaverId) = await app.AccountAsync();
        var (worker, _) = await app.AccountAsync(StaffRole.CommunityWorker, Community);
        var (sibling, _) = await app.AccountAsync(StaffRole.CommunityWorker, SiblingCommunity);
        var id = await author.PostedAsync(unit, "小路加装路灯");
        Assert.Equal(HttpStatusCode.OK, (await follower.PostAsync($"/api/v1/feedback/posts/{id}/follow", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leaver.PostAsync($"/api/v1/feedback/posts/{id}/follow", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leaver.DeleteAsync($"/api/v1/feedback/posts/{id}/follow")).StatusCode);

        var badDue = await worker.PostAsJsonAsync($"/api/v1/feedback/posts/{id}/adopt", new { what = "加装三盏路灯", dueOn = "2020-01-01" });
        var refused = await sibling.PostAsJsonAsync($"/api/v1/feedback/posts/{id}/adopt", new { what = "加装三盏路灯", dueOn = DueIn(30) });
        var adopted = await worker.PostAsJsonAsync($"/api/v1/feedback/posts/{id}/adopt", new { what = "加装三盏路灯", dueOn = DueIn(30) });
        var twice = await worker.PostAsJsonAsync($"/api/v1/feedback/posts/{id}/adopt", new { what = "再来", dueOn = DueIn(30) });
        var commitment = (await adopted.JsonAsync()).GetProperty("commitment");
        var commitmentId = commitment.GetProperty("id").GetInt64();
        var progressRefused = await sibling.PostAsJsonAsync($"/api/v1/feedback/commitments/{commitmentId}/progress", new { text = "不是我们的" });
        var progress = await worker.PostAsJsonAsync($"/api/v1/feedback/commitments/{commitmentId}/progress", new { text = "已采购路灯。" });
        var done = await worker.PostAsJsonAsync($"/api/v1/feedback/commitments/{commitmentId}/progress", new { text = "三盏路灯已亮。", done = true });
        var afterDone = await worker.PostAsJsonAsync($"/api/v1/feedback/commitments/{commitmentId}/progress", new { text = "又一条" });
        var plan = await (await app.Anonymous().GetAsync($"/api/v1/feedback/units/{unit}/plan")).JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, badDue.StatusCode);
        Assert.True((await badDue.JsonAsync()).GetProperty("errors").TryGetProperty("dueOn", out _));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, adopted.StatusCode);
        Assert.Equal("open", commitment.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, progressRefused.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, progress.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, afterDone.StatusCode);
        var entry = plan.GetProperty("commitments").EnumerateArray().Single(c => c.GetProperty("id").GetInt64() == commitmentId);
        Assert.Equal("done", entry.GetProperty("state").GetString());
        Assert.Equal("小路加装路灯", entry.GetProperty("postTitle").GetString());
        Assert.Equal(["已采购路灯。", "三盏路灯已亮。"], entry.GetProperty("progress").EnumerateArray().Select(p => p.GetProperty("text").GetString()));
        Assert.Equal("done", (await (await author.GetAsync($"/api/v1/feedback/posts/{id}")).JsonAsync()).GetProperty("commitment").GetProperty("state").GetString());

        // Adopted, progress and done: three updates to the author and the follower, none to the one who stopped following.
        var messages = await app.WithDbAsync(db => db.Outbox.Where(m => m.Link == $"/feedback/posts/{id}").Select(m => new { m.UserId, m.Purpose, m.Subject }).ToListAsync());
        Assert.All(messages, m => Assert.Equal(NoticePurpose.Update, m.Purpose));
        Assert.Equal(3, messages.Count(m => m.UserId == authorId));
        Assert.Equal(3, messages.Count(m => m.UserId == followerId));
        Assert.DoesNotContain(messages, m => m.UserId == leaverId);
        Assert.Contains(messages, m => m.Subject.Contains("纳入工作计划", StringComparison.Ordinal) && m.Subject.Contains("adopted", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Subject.Contains("done", StringComparison.Ordinal));
    }

    [Theory, BothDatabases]
    public async Task Moderators_hide_with_a_published_reason_and_the_words_are_kept(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var unit = await app.OfficeAsync(Community);
        var (author, authorId) = await app.AccountAsync();
        var (neighbour, _) = await app.AccountAsync();
        var (worker, _) = await app.AccountAsync(StaffRole.CommunityWorker, Community);
        var (police, _) = await app.AccountAsync(StaffRole.CommunityPolice, Community);
        var (sibling, _) = await app.AccountAsync(StaffRole.CommunityWorker, SiblingCommunity);
        var id = await author.PostedAsync(unit, "低价装修加微信");

        Assert.Equal(HttpStatusCode.NoContent, (await neighbour.PostAsJsonAsync($"/api/v1/feedback/posts/{id}/flags", new { reason = "spam" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await neighbour.PostAsJsonAsync($"/api/v1/feedback/posts/{id}/flags", new { reason = "abuse" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await neighbour.PostAsJsonAsync($"/api/v1/feedback/posts/{id}/flags", new { reason = "boring" })).StatusCode);
        var flagged = await (await worker.GetAsync("/api/v1/feedback/flagged")).JsonAsync();
        Assert.Equal(1, flagged.EnumerateArray().Single(p => p.GetProperty("id").GetInt64() == id).GetProperty("flagCount").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync("/api/v1/feedback/flagged")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await police.PostAsJsonAsync($"/api/v1/feedback/posts/{id}/hide", new { reason = "广告" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sibling.PostAsJsonAsync($"/api/v1/feedback/posts/{id}/hide", new { reason = "广告" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await worker.PostAsJsonAsync($"/api/v1/feedback/posts/{id}/hide", new { reason = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await worker.PostAsJsonAsync($"/api/v1/feedback/posts/{id}/hide", new { reason = "广告信息" })).StatusCode);

        var publicView = await (await app.Anonymous().GetAsync($"/api/v1/feedback/posts/{id}")).JsonAsync();
        Assert.True(publicView.GetProperty("hidden").GetBoolean());
        Assert.Equal("广告信息", publicView.GetProperty("hiddenReason").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, publicView.GetProperty("text").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, publicView.GetProperty("title").ValueKind);
        var wallHtml = await (await app.Anonymous().GetAsync($"/feedback/units/{unit}")).Content.ReadAsStringAsync();
        Assert.Contains("已被管理员隐藏：广告信息", wallHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("低价装修加微信", wallHtml, StringComparison.Ordinal);
        Assert.Equal("小路太黑。", (await (await author.GetAsync($"/api/v1/feedback/posts/{id}")).JsonAsync()).GetProperty("text").GetString());
        Assert.Equal("小路太黑。", (await (await worker.GetAsync($"/api/v1/feedback/posts/{id}")).JsonAsync()).GetProperty("text").GetString());
        var stored = await app.WithDbAsync(db => db.FeedbackPosts.Where(p => p.Id == id).Select(p => new { p.Title, p.Text }).SingleAsync());
        Assert.Equal("低价装修加微信", stored.Title);
        Assert.Equal("小路太黑。", stored.Text);
        Assert.Equal(1, await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.UserId == authorId && m.Link == $"/feedback/posts/{id}" && m.Body.Contains("广告信息"))));

        Assert.Equal(HttpStatusCode.NoContent, (await worker.PostAsync($"/api/v1/feedback/posts/{id}/unhide", null)).StatusCode);
        var shownAgain = await (await app.Anonymous().GetAsync($"/api/v1/feedback/posts/{id}")).JsonAsync();
        Assert.False(shownAgain.GetProperty("hidden").GetBoolean());
        Assert.Equal("小路太黑。", shownAgain.GetProperty("text").GetString());
    }
}
