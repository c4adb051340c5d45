using System.Globalization;
using Linli.Web.Features.Notifications;

namespace Linli.Web.Features.Feedback;

/// <summary>What followers of a post are told, in Chinese and English together.</summary>
public static class FeedbackNotices
{
    public static Notice Replied(FeedbackPost post, FeedbackUnit unit, string reply) => Update(post,
        $"{unit.Name}回复了", $"{unit.NameEn} replied", reply);

    public static Notice Adopted(FeedbackPost post, FeedbackUnit unit, FeedbackCommitment commitment) => Update(post,
        $"{unit.Name}已纳入工作计划", $"{unit.NameEn} adopted it into the work plan",
        string.Create(CultureInfo.InvariantCulture, $"{commitment.What}\n期限 Due: {commitment.DueOn:yyyy-MM-dd}"));

    public static Notice Progress(FeedbackPost post, FeedbackUnit unit, FeedbackProgress progress) => progress.MarksDone
        ? Update(post, $"{unit.Name}：承诺已完成", $"{unit.NameEn}: commitment done", progress.Text)
        : Update(post, $"{unit.Name}：工作进展", $"{unit.NameEn}: progress", progress.Text);

    public static Notice Hidden(FeedbackPost post, string reason) => Update(post,
        "已被管理员隐藏", "hidden by the moderator", reason);

    private static Notice Update(FeedbackPost post, string zh, string en, string detail)
    {
        var subject = string.Create(CultureInfo.InvariantCulture, $"[邻里 Linli] 意见 #{post.Id} {zh} / Feedback #{post.Id} {en}");
        var body = string.Join('\n',
            string.Create(CultureInfo.InvariantCulture, $"你关注的意见 #{post.Id}「{post.Title}」{zh}。"),
            string.Create(CultureInfo.InvariantCulture, $"Feedback #{post.Id} you follow: {en}."),
            "",
            detail);
        return new Notice(NoticePurpose.Update, subject, body, $"/feedback/posts/{post.Id}");
    }
}
