using System.Net.Http.Json;
using Linli.Web.Features.Feedback;
using Linli.Web.Features.People;
using Linli.Web.Infrastructure.Auth;

namespace Linli.Tests.Integration.Authorization;

/// <summary>
/// The feedback channel's entries: walls, posts and plans are public; posting, following and flagging need a sign-in;
/// replying, adopting and progress are for those who speak for the office at the target node; hiding is for its moderators.
/// </summary>
public static class FeedbackMatrix
{
    private const string Api = "/api/v1/feedback";

    public static MatrixEntry[] Entries =>
    [
        new("GET /api/v1/feedback/units", Access.Public, null, (c, _, _) => c.GetAsync($"{Api}/units?under={Web.Features.Demo.TreeGenerator.ShiqiaopuCode}")),
        new("GET /api/v1/feedback/units/{unit}", Access.Public, null, (c, _, t) => c.GetAsync($"{Api}/units/n{t.Id}")),
        new("GET /api/v1/feedback/units/{unit}/posts", Access.Public, null, (c, _, t) => c.GetAsync($"{Api}/units/n{t.Id}/posts")),
        new("GET /api/v1/feedback/units/{unit}/plan", Access.Public, null, (c, _, t) => c.GetAsync($"{Api}/units/n{t.Id}/plan")),
        new("GET /api/v1/feedback/posts/{id:long}", Access.Public, null, async (c, w, t) => await c.GetAsync($"{Api}/posts/{await w.FeedbackPostUnderAsync(t)}")),
        new("POST /api/v1/feedback/units/{unit}/posts", Access.SignedIn, null, async (c, w, _) =>
            await c.PostAsJsonAsync($"{Api}/units/n{(await w.PlaceAsync(Web.Features.Demo.DemoAccounts.CommunityCode)).Id}/posts", new { kind = "advice", title = "矩阵", text = "矩阵建议" })),
        new("POST /api/v1/feedback/posts/{id:long}/follow", Access.SignedIn, null, async (c, w, t) => await c.PostAsync($"{Api}/posts/{await w.FeedbackPostUnderAsync(t)}/follow", null)),
        new("DELETE /api/v1/feedback/posts/{id:long}/follow", Access.SignedIn, null, async (c, w, t) => await c.DeleteAsync($"{Api}/posts/{await w.FeedbackPostUnderAsync(t)}/follow")),
        new("POST /api/v1/feedback/posts/{id:long}/flags", Access.SignedIn, null, async (c, w, t) => await c.PostAsJsonAsync($"{Api}/posts/{await w.FeedbackPostUnderAsync(t)}/flags", new { reason = "spam" })),
        new("GET /api/v1/feedback/inbox", Access.SignedIn, null, (c, _, _) => c.GetAsync($"{Api}/inbox")),
        new("POST /api/v1/feedback/posts/{id:long}/replies", Access.Scoped, Permission.SpeakForUnit,
            async (c, w, t) => await c.PostAsJsonAsync($"{Api}/posts/{await w.FeedbackPostUnderAsync(t)}/replies", new { text = "答复" })),
        new("POST /api/v1/feedback/posts/{id:long}/adopt", Access.Scoped, Permission.SpeakForUnit,
            async (c, w, t) => await c.PostAsJsonAsync($"{Api}/posts/{await w.FeedbackPostUnderAsync(t)}/adopt", new { what = "做", dueOn = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) })),
        new("POST /api/v1/feedback/commitments/{id:long}/progress", Access.Scoped, Permission.SpeakForUnit,
            async (c, w, t) => await c.PostAsJsonAsync($"{Api}/commitments/{await w.FeedbackCommitmentUnderAsync(t)}/progress", new { text = "进展" })),
        new("POST /api/v1/feedback/posts/{id:long}/hide", Access.Scoped, Permission.ModerateFeedback,
            async (c, w, t) => await c.PostAsJsonAsync($"{Api}/posts/{await w.FeedbackPostUnderAsync(t)}/hide", new { reason = "广告" })),
        new("POST /api/v1/feedback/posts/{id:long}/unhide", Access.Scoped, Permission.ModerateFeedback,
            async (c, w, t) => await c.PostAsync($"{Api}/posts/{await w.FeedbackPostUnderAsync(t, hidden: true)}/unhide", null)),
        new("GET /api/v1/feedback/flagged", Access.RoleOnly, Permission.ModerateFeedback, (c, _, _) => c.GetAsync($"{Api}/flagged")),
    ];

    /// <summary>A fresh public post to the office at the node, by a fresh resident, written straight to the database.</summary>
    public static async Task<long> FeedbackPostUnderAsync(this MatrixWorld world, Place place, bool hidden = false) => await world.App.WithDbAsync(async db =>
    {
        var author = new LinliUser { UserName = $"m-fb-{world.Next()}", DisplayName = "居民", Kind = AccountKind.Resident, CreatedAt = DateTimeOffset.UtcNow };
        db.Users.Add(author);
        var post = new FeedbackPost
        {
            UnitNodeId = place.Id, UnitPath = place.Path, Kind = FeedbackKind.Advice, Title = "矩阵", Text = "矩阵", AuthorUserId = author.Id,
            PostedAt = DateTimeOffset.UtcNow, HiddenAt = hidden ? DateTimeOffset.UtcNow : null, HiddenReason = hidden ? "广告" : null,
        };
        db.FeedbackPosts.Add(post);
        await db.SaveChangesAsync();
        return post.Id;
    });

    public static async Task<long> FeedbackCommitmentUnderAsync(this MatrixWorld world, Place place)
    {
        var postId = await world.FeedbackPostUnderAsync(place);
        return await world.App.WithDbAsync(async db =>
        {
            var commitment = new FeedbackCommitment
            {
                PostId = postId, UnitNodeId = place.Id, UnitPath = place.Path, What = "矩阵", DueOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)), AdoptedAt = DateTimeOffset.UtcNow,
            };
            db.FeedbackCommitments.Add(commitment);
            await db.SaveChangesAsync();
            return commitment.Id;
        });
    }
}
