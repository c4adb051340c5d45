using Linli.Web.Data;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Feedback;

/// <summary>
/// The staff side's lists: posts to the units one speaks for (unanswered first, oldest waiting first), and flagged
/// posts in the areas one moderates (most flagged first). Hidden posts sort after those waiting for an answer.
/// </summary>
public sealed class FeedbackInbox(LinliDb db, FeedbackUnits units, FeedbackAccess access, TimeProvider clock)
{
    /// <summary>Empty for those who speak for no unit: the inbox is about one's own units only.</summary>
    public async Task<IReadOnlyList<InboxItem>> InboxAsync(int take, CancellationToken cancellationToken)
    {
        var spoken = await access.SpokenAsync(cancellationToken);
        var rows = new List<FeedbackPost>();
        foreach (var root in spoken.OfficeRoots)
        {
            rows.AddRange(await Latest(db.FeedbackPosts.AsNoTracking().Where(p => p.UnitNodeId != null && p.UnitPath.StartsWith(root)), take, cancellationToken));
        }

        if (spoken.DepartmentIds.Count > 0)
        {
            var departments = spoken.DepartmentIds.Select(d => (int?)d).ToList();
            rows.AddRange(await Latest(db.FeedbackPosts.AsNoTracking().Where(p => departments.Contains(p.UnitDepartmentId)), take, cancellationToken));
        }

        var items = await ItemsAsync(rows.DistinctBy(p => p.Id), cancellationToken);
        // Hidden posts owe no answer: they go after the ones waiting, however long they have waited.
        return [.. items.OrderBy(i => i.FirstReplyAt is not null || i.Hidden).ThenBy(i => i.FirstReplyAt is null ? i.PostedAt : DateTimeOffset.MaxValue)
            .ThenByDescending(i => i.PostedAt).Take(take)];
    }

    /// <summary>Flagged posts of the areas the signed-in person moderates; 403 without <c>ModerateFeedback</c>.</summary>
    public async Task<IReadOnlyList<InboxItem>> FlaggedAsync(int take, CancellationToken cancellationToken)
    {
        var roots = await access.ModeratedRootsAsync(cancellationToken);
        if (roots.Count == 0)
        {
            throw new DomainRuleException("feedback", "only moderators see flagged posts", StatusCodes.Status403Forbidden);
        }

        var rows = new List<FeedbackPost>();
        foreach (var root in roots)
        {
            rows.AddRange(await db.FeedbackPosts.AsNoTracking().Where(p => p.FlagCount > 0 && p.UnitPath.StartsWith(root))
                .OrderByDescending(p => p.FlagCount).ThenByDescending(p => p.Id).Take(take).ToListAsync(cancellationToken));
        }

        var items = await ItemsAsync(rows.DistinctBy(p => p.Id), cancellationToken);
        return [.. items.OrderByDescending(i => i.FlagCount).ThenByDescending(i => i.PostedAt).Take(take)];
    }

    private static Task<List<FeedbackPost>> Latest(IQueryable<FeedbackPost> posts, int take, CancellationToken cancellationToken) =>
        posts.OrderBy(p => p.FirstReplyAt != null).ThenBy(p => p.PostedAt).Take(take).ToListAsync(cancellationToken);

    private async Task<List<InboxItem>> ItemsAsync(IEnumerable<FeedbackPost> posts, CancellationToken cancellationToken)
    {
        var list = posts.ToList();
        var ids = list.Select(p => p.Id).ToList();
        var adopted = await db.FeedbackCommitments.AsNoTracking().Where(c => ids.Contains(c.PostId)).Select(c => c.PostId).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var names = new Dictionary<FeedbackUnitKey, FeedbackUnit>();
        var items = new List<InboxItem>();
        foreach (var p in list)
        {
            var key = FeedbackUnitKey.Of(p.UnitNodeId, p.UnitDepartmentId);
            if (!names.TryGetValue(key, out var unit))
            {
                unit = (await units.FindAsync(key, cancellationToken))!;
                names[key] = unit;
            }

            var hours = ((p.FirstReplyAt ?? now) - p.PostedAt).TotalHours;
            items.Add(new InboxItem(p.Id, unit.Key, unit.Name, unit.NameEn, FeedbackQueries.EnumWire(p.Kind), p.Title, p.IsPublic, p.PostedAt, p.FirstReplyAt,
                Math.Round(hours, 1), p.FlagCount, p.HiddenAt is not null, adopted.Contains(p.Id)));
        }

        return items;
    }
}
