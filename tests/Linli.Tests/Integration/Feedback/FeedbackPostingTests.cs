using System.Net;
using System.Net.Http.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Integration.Feedback.FeedbackWorld;

namespace Linli.Tests.Integration.Feedback;

public sealed class FeedbackPostingTests
{
    [Theory, BothDatabases]
    public async Task A_post_is_checked_cleaned_limited_per_account_and_never_shows_a_contact(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind, new() { ["Feedback:PostsPerAccountPerDay"] = "2" });
        var unit = await app.OfficeAsync(Community);
        var (resident, residentId) = await app.AccountAsync();
        var before = await app.WithDbAsync(db => db.FeedbackPosts.CountAsync());

        var refused = await resident.PostToAsync(unit, new { kind = "praise", title = new string('长', 81), text = "<b> </b>" });
        var badUnit = await resident.PostToAsync("x12", new { kind = "advice", title = "t", text = "t" });
        var gridOffice = await resident.PostToAsync(await app.OfficeAsync(DemoAccounts.GridCode), new { kind = "advice", title = "t", text = "t" });
        var afterRefusals = await app.WithDbAsync(db => db.FeedbackPosts.CountAsync());
        var anonymous = await app.Anonymous().PostToAsync(unit, new { kind = "advice", title = "t", text = "t" });

        var named = await resident.PostToAsync(unit, new { kind = "complaint", title = "<script>x</script>楼道灯坏了", text = "<p>三楼的灯坏了一周。</p>", showName = true, placeCode = DemoAccounts.GridCode });
        var anonymousName = await resident.PostToAsync(unit, new { kind = "advice", title = "加装扶手", text = "楼梯需要扶手。" });
        var third = await resident.PostToAsync(unit, new { kind = "advice", title = "第三条", text = "超过每天的限额。" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("kind", out _));
        Assert.True(errors.TryGetProperty("title", out _));
        Assert.True(errors.TryGetProperty("text", out _));
        Assert.Equal(HttpStatusCode.BadRequest, badUnit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gridOffice.StatusCode);
        Assert.Equal(before, afterRefusals);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        Assert.Equal(HttpStatusCode.Created, named.StatusCode);
        var shown = await named.JsonAsync();
        Assert.Equal("x楼道灯坏了", shown.GetProperty("title").GetString());
        Assert.Equal("三楼的灯坏了一周。", shown.GetProperty("text").GetString());
        Assert.Equal("李四", shown.GetProperty("shownName").GetString());
        Assert.Equal("complaint", shown.GetProperty("kind").GetString());
        Assert.True(shown.GetProperty("viewer").GetProperty("follows").GetBoolean());
        Assert.DoesNotContain("example.org", await named.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKindNull, (await anonymousName.JsonAsync()).GetProperty("shownName").ValueKind);

        Assert.Equal((HttpStatusCode)429, third.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.FeedbackPosts.CountAsync(p => p.AuthorUserId == residentId)));

        // There is no way to change a resident's words: no update route exists for a post.
        var id = shown.GetProperty("id").GetInt64();
        var put = await resident.PutAsJsonAsync($"/api/v1/feedback/posts/{id}", new { title = "改", text = "改" });
        Assert.True(put.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound, put.StatusCode.ToString());
    }

    [Theory, BothDatabases]
    public async Task Private_posts_are_seen_by_their_author_and_the_unit_only(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var unit = await app.OfficeAsync(Community);
        var (author, _) = await app.AccountAsync();
        var (other, _) = await app.AccountAsync();
        var (worker, _) = await app.AccountAsync(Web.Features.People.StaffRole.CommunityWorker, Community);
        var (siblingWorker, _) = await app.AccountAsync(Web.Features.People.StaffRole.CommunityWorker, SiblingCommunity);
        var figuresBefore = (await (await app.Anonymous().GetAsync($"/api/v1/feedback/units/{unit}")).JsonAsync()).GetProperty("figures").GetProperty("posts").GetInt32();

        var id = await author.PostedAsync(unit, "油烟直排", isPublic: false);

        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/api/v1/feedback/posts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/feedback/posts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await siblingWorker.GetAsync($"/api/v1/feedback/posts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/feedback/posts/{id}/follow", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await author.GetAsync($"/api/v1/feedback/posts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync($"/api/v1/feedback/posts/{id}")).StatusCode);

        static async Task<bool> OnWall(HttpClient client, string unit, long id) =>
            (await (await client.GetAsync($"/api/v1/feedback/units/{unit}/posts")).JsonAsync()).EnumerateArray().Any(p => p.GetProperty("id").GetInt64() == id);
        Assert.False(await OnWall(app.Anonymous(), unit, id));
        Assert.False(await OnWall(other, unit, id));
        Assert.True(await OnWall(author, unit, id));
        Assert.True(await OnWall(worker, unit, id));
        Assert.Contains((await (await worker.GetAsync("/api/v1/feedback/inbox")).JsonAsync()).EnumerateArray(), i => i.GetProperty("id").GetInt64() == id);
        Assert.DoesNotContain((await (await siblingWorker.GetAsync("/api/v1/feedback/inbox")).JsonAsync()).EnumerateArray(), i => i.GetProperty("id").GetInt64() == id);

        // The public figures count it without showing it.
        var figures = (await (await app.Anonymous().GetAsync($"/api/v1/feedback/units/{unit}")).JsonAsync()).GetProperty("figures");
        Assert.Equal(figuresBefore + 1, figures.GetProperty("posts").GetInt32());
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
