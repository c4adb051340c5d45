using System.Globalization;
using Linli.Web.Components;
using Linli.Web.Data;
using Linli.Web.Features.Cases.Intake;
using Linli.Web.Features.Notifications;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Feedback;

/// <summary>
/// The unit's side: a public reply under the unit's name, adoption into the work plan with a commitment, progress
/// until it is done; and the moderator's hide and unhide. None of them touches the resident's words. Followers are
/// told in the same save as the change.
/// </summary>
public sealed class FeedbackResponses(LinliDb db, FeedbackUnits units, FeedbackAccess access, Notifier notifier, TimeProvider clock)
{
    public async Task ReplyAsync(long postId, ReplyRequest r, CancellationToken cancellationToken)
    {
        var (post, unit) = await SpeakerPostAsync(postId, cancellationToken);
        var errors = new List<SubmissionError>();
        var text = PlainText.Check("text", r.Text, FeedbackLimits.Reply, required: true, errors);
        Refuse(errors);
        var now = clock.GetUtcNow();
        db.FeedbackReplies.Add(new FeedbackReply { PostId = post.Id, Text = text!, At = now, StaffUserId = access.UserId!.Value });
        post.FirstReplyAt ??= now;
        await TellFollowersAsync(post, FeedbackNotices.Replied(post, unit, text!), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<long> AdoptAsync(long postId, AdoptRequest r, CancellationToken cancellationToken)
    {
        var (post, unit) = await SpeakerPostAsync(postId, cancellationToken);
        var errors = new List<SubmissionError>();
        var what = PlainText.Check("what", r.What, FeedbackLimits.What, required: true, errors);
        var now = clock.GetUtcNow();
        var dueOn = CheckDue(r.DueOn, now, errors);
        Refuse(errors);
        if (post.HiddenAt is not null)
        {
            throw new DomainRuleException("id", "a hidden post cannot be adopted", StatusCodes.Status409Conflict);
        }

        if (await db.FeedbackCommitments.AnyAsync(c => c.PostId == post.Id, cancellationToken))
        {
            throw new DomainRuleException("id", "this post is already in the work plan", StatusCodes.Status409Conflict);
        }

        var commitment = new FeedbackCommitment
        {
            PostId = post.Id, UnitNodeId = post.UnitNodeId, UnitDepartmentId = post.UnitDepartmentId, UnitPath = post.UnitPath,
            What = what!, DueOn = dueOn!.Value, AdoptedAt = now,
        };
        db.FeedbackCommitments.Add(commitment);
        await TellFollowersAsync(post, FeedbackNotices.Adopted(post, unit, commitment), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return commitment.Id;
    }

    public async Task ProgressAsync(long commitmentId, ProgressRequest r, CancellationToken cancellationToken)
    {
        var commitment = await db.FeedbackCommitments.SingleOrDefaultAsync(c => c.Id == commitmentId, cancellationToken)
            ?? throw new DomainRuleException("id", $"no commitment #{commitmentId}", StatusCodes.Status404NotFound);
        var (post, unit) = await SpeakerPostAsync(commitment.PostId, cancellationToken);
        var errors = new List<SubmissionError>();
        var text = PlainText.Check("text", r.Text, FeedbackLimits.Progress, required: true, errors);
        Refuse(errors);
        if (commitment.DoneAt is not null)
        {
            throw new DomainRuleException("id", "the commitment is already done", StatusCodes.Status409Conflict);
        }

        var now = clock.GetUtcNow();
        var progress = new FeedbackProgress { CommitmentId = commitment.Id, Text = text!, At = now, MarksDone = r.Done == true, StaffUserId = access.UserId!.Value };
        db.FeedbackProgress.Add(progress);
        if (progress.MarksDone)
        {
            commitment.DoneAt = now;
        }

        await TellFollowersAsync(post, FeedbackNotices.Progress(post, unit, progress), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Hides a post from the wall with a published reason; its words are kept as written for the author and moderators.</summary>
    public async Task HideAsync(long postId, HideRequest r, CancellationToken cancellationToken)
    {
        var post = await ModeratedPostAsync(postId, cancellationToken);
        var errors = new List<SubmissionError>();
        var reason = PlainText.Check("reason", r.Reason, FeedbackLimits.Reason, required: true, errors);
        Refuse(errors);
        post.HiddenAt = clock.GetUtcNow();
        post.HiddenReason = reason;
        post.HiddenBy = access.UserId;
        await TellFollowersAsync(post, FeedbackNotices.Hidden(post, reason!), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task UnhideAsync(long postId, CancellationToken cancellationToken)
    {
        var post = await ModeratedPostAsync(postId, cancellationToken);
        post.HiddenAt = null;
        post.HiddenReason = null;
        post.HiddenBy = null;
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<(FeedbackPost Post, FeedbackUnit Unit)> SpeakerPostAsync(long postId, CancellationToken cancellationToken)
    {
        var post = await db.FeedbackPosts.SingleOrDefaultAsync(p => p.Id == postId, cancellationToken)
            ?? throw new DomainRuleException("id", $"no feedback #{postId}", StatusCodes.Status404NotFound);
        var key = FeedbackUnitKey.Of(post.UnitNodeId, post.UnitDepartmentId);
        if (!await access.SpeaksForAsync(key, post.UnitPath, cancellationToken))
        {
            throw new DomainRuleException("id", "only staff who speak for this unit may answer for it", StatusCodes.Status403Forbidden);
        }

        return (post, (await units.FindAsync(key, cancellationToken))!);
    }

    private async Task<FeedbackPost> ModeratedPostAsync(long postId, CancellationToken cancellationToken)
    {
        var post = await db.FeedbackPosts.SingleOrDefaultAsync(p => p.Id == postId, cancellationToken)
            ?? throw new DomainRuleException("id", $"no feedback #{postId}", StatusCodes.Status404NotFound);
        return await access.ModeratesAsync(post.UnitPath, cancellationToken) ? post
            : throw new DomainRuleException("id", "only moderators of this area may hide or unhide posts", StatusCodes.Status403Forbidden);
    }

    private async Task TellFollowersAsync(FeedbackPost post, Notice notice, CancellationToken cancellationToken)
    {
        var followers = await db.FeedbackFollowers.Where(f => f.PostId == post.Id).Select(f => f.UserId).ToListAsync(cancellationToken);
        await notifier.ToUsersAsync(followers, notice, cancellationToken);
    }

    private static void Refuse(List<SubmissionError> errors)
    {
        if (errors.Count > 0)
        {
            throw new SubmissionRejectedException(errors);
        }
    }

    private static DateOnly? CheckDue(string? text, DateTimeOffset now, List<SubmissionError> errors)
    {
        if (!DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(new("dueOn", "is required as a date yyyy-MM-dd"));
            return null;
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Display.ChinaTime).DateTime);
        if (date < today || date > today.AddDays(FeedbackLimits.MaxDueDays))
        {
            errors.Add(new("dueOn", $"must be from today to {FeedbackLimits.MaxDueDays} days ahead"));
            return null;
        }

        return date;
    }
}
