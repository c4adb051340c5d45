using Linli.Web.Data;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Feedback;

/// <summary>
/// Who sees a post: a public one everyone; a private one only its author and those who speak for its unit. To anyone
/// else a private post does not exist (404), so its existence is not revealed either.
/// </summary>
public sealed class FeedbackVisibility(LinliDb db, FeedbackAccess access)
{
    /// <summary>The post, tracked, when the signed-in person (or the public) may see it; 404 otherwise.</summary>
    public async Task<FeedbackPost> VisiblePostAsync(long postId, CancellationToken cancellationToken)
    {
        var post = await db.FeedbackPosts.SingleOrDefaultAsync(p => p.Id == postId, cancellationToken);
        if (post is null || !await CanSeeAsync(post, cancellationToken))
        {
            throw new DomainRuleException("id", $"no feedback #{postId}", StatusCodes.Status404NotFound);
        }

        return post;
    }

    public async Task<bool> CanSeeAsync(FeedbackPost post, CancellationToken cancellationToken) =>
        post.IsPublic || post.AuthorUserId == access.UserId ||
        await access.SpeaksForAsync(FeedbackUnitKey.Of(post.UnitNodeId, post.UnitDepartmentId), post.UnitPath, cancellationToken);
}
