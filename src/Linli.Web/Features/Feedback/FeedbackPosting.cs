using Linli.Web.Data;
using Linli.Web.Features.Cases.Intake;
using Linli.Web.Infrastructure;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.Feedback;

/// <summary>
/// A signed-in resident posts advice or a complaint to a unit, follows posts and flags abuse. All problems with a post
/// are answered at once and nothing is stored on refusal; an account may post a limited number of times a day.
/// </summary>
public sealed class FeedbackPosting(LinliDb db, FeedbackUnits units, FeedbackAccess access, FeedbackVisibility visibility, TimeProvider clock, IOptions<FeedbackOptions> options)
{
    public async Task<long> PostAsync(FeedbackUnitKey key, NewPostRequest r, CancellationToken cancellationToken)
    {
        var userId = access.UserId ?? throw new DomainRuleException("account", "sign in to post", StatusCodes.Status401Unauthorized);
        var unit = await units.FindAsync(key, cancellationToken);
        if (unit is null || !FeedbackUnits.Accepts(unit))
        {
            throw new DomainRuleException("unit", "no such unit: choose a department, a street office or a community committee", StatusCodes.Status404NotFound);
        }

        var errors = new List<SubmissionError>();
        if (!EnumNames.TryParse<FeedbackKind>(r.Kind, out var kind))
        {
            errors.Add(new("kind", "kind must be advice or complaint"));
        }

        var title = PlainText.Check("title", r.Title, FeedbackLimits.Title, required: true, errors);
        var text = PlainText.Check("text", r.Text, FeedbackLimits.Text, required: true, errors);
        int? placeId = null;
        if (!string.IsNullOrWhiteSpace(r.PlaceCode))
        {
            placeId = await db.Nodes.Where(n => n.Code == r.PlaceCode.Trim()).Select(n => (int?)n.Id).SingleOrDefaultAsync(cancellationToken);
            if (placeId is null)
            {
                errors.Add(new("placeCode", "no place has this code"));
            }
        }

        if (errors.Count > 0)
        {
            throw new SubmissionRejectedException(errors);
        }

        var now = clock.GetUtcNow();
        var perDay = options.Value.PostsPerAccountPerDay;
        var since = now.AddDays(-1);
        if (await db.FeedbackPosts.CountAsync(p => p.AuthorUserId == userId && p.PostedAt > since, cancellationToken) >= perDay)
        {
            throw new DomainRuleException("account", $"an account may post {perDay} times in 24 hours; try again tomorrow", StatusCodes.Status429TooManyRequests);
        }

        string? shownName = null;
        if (r.ShowName == true)
        {
            shownName = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
            shownName = PlainText.Clean(shownName) is { } clean ? clean[..Math.Min(clean.Length, FeedbackLimits.ShownName)] : null;
        }

        var post = new FeedbackPost
        {
            UnitNodeId = key.NodeId,
            UnitDepartmentId = key.DepartmentId,
            UnitPath = unit.AreaPath,
            Kind = kind,
            Title = title!,
            Text = text!,
            PlaceNodeId = placeId,
            AuthorUserId = userId,
            ShownName = shownName,
            IsPublic = r.IsPublic ?? true,
            PostedAt = now,
        };
        post.Followers.Add(new FeedbackFollower { UserId = userId, Since = now });
        db.FeedbackPosts.Add(post);
        await db.SaveChangesAsync(cancellationToken);
        return post.Id;
    }

    public async Task<FollowView> FollowAsync(long postId, bool follow, CancellationToken cancellationToken)
    {
        var userId = access.UserId ?? throw new DomainRuleException("account", "sign in to follow", StatusCodes.Status401Unauthorized);
        await visibility.VisiblePostAsync(postId, cancellationToken);
        var existing = await db.FeedbackFollowers.SingleOrDefaultAsync(f => f.PostId == postId && f.UserId == userId, cancellationToken);
        if (follow && existing is null)
        {
            db.FeedbackFollowers.Add(new FeedbackFollower { PostId = postId, UserId = userId, Since = clock.GetUtcNow() });
        }
        else if (!follow && existing is not null)
        {
            db.FeedbackFollowers.Remove(existing);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new FollowView(follow);
    }

    /// <summary>Flags a post as spam or abuse for the moderators; a person's second flag on the same post changes nothing.</summary>
    public async Task FlagAsync(long postId, FlagRequest r, CancellationToken cancellationToken)
    {
        var userId = access.UserId ?? throw new DomainRuleException("account", "sign in to flag", StatusCodes.Status401Unauthorized);
        if (!EnumNames.TryParse<FeedbackFlagReason>(r.Reason, out var reason))
        {
            throw new DomainRuleException("reason", "reason must be spam or abuse");
        }

        var post = await visibility.VisiblePostAsync(postId, cancellationToken);
        if (await db.FeedbackFlags.AnyAsync(f => f.PostId == postId && f.UserId == userId, cancellationToken))
        {
            return;
        }

        db.FeedbackFlags.Add(new FeedbackFlag { PostId = postId, UserId = userId, Reason = reason, At = clock.GetUtcNow() });
        post.FlagCount++;
        await db.SaveChangesAsync(cancellationToken);
    }
}
