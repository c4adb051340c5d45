using Linli.Web.Components;
using Linli.Web.Data;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Feedback;

/// <summary>The public reads: a unit with its figures, its wall, one post, its work plan. Private posts only for those who may see them.</summary>
public sealed class FeedbackQueries(LinliDb db, FeedbackUnits units, FeedbackAccess access, TimeProvider clock)
{
    public const int MaxWall = 200;

    public async Task<FeedbackUnit> UnitAsync(FeedbackUnitKey key, CancellationToken cancellationToken) =>
        await units.FindAsync(key, cancellationToken) ?? throw new DomainRuleException("unit", $"no unit {key}", StatusCodes.Status404NotFound);

    public async Task<UnitView> UnitViewAsync(FeedbackUnitKey key, CancellationToken cancellationToken)
    {
        var unit = await UnitAsync(key, cancellationToken);
        return new UnitView(unit.Key, unit.Name, unit.NameEn, unit.Kind, await FiguresAsync(key, cancellationToken), FeedbackUnits.Accepts(unit));
    }

    /// <summary>Counts over every post to the unit, public or not: aggregates reveal no one's words.</summary>
    public async Task<FeedbackFigures> FiguresAsync(FeedbackUnitKey key, CancellationToken cancellationToken)
    {
        var posts = await ForUnit(db.FeedbackPosts.AsNoTracking(), key).Select(p => new { p.PostedAt, p.FirstReplyAt }).ToListAsync(cancellationToken);
        var commitments = await db.FeedbackCommitments.AsNoTracking()
            .Where(c => key.NodeId != null ? c.UnitNodeId == key.NodeId : c.UnitDepartmentId == key.DepartmentId)
            .Select(c => c.DoneAt).ToListAsync(cancellationToken);
        var hours = posts.Where(p => p.FirstReplyAt is not null).Select(p => (p.FirstReplyAt!.Value - p.PostedAt).TotalHours).Order().ToList();
        double? median = hours.Count == 0 ? null
            : hours.Count % 2 == 1 ? hours[hours.Count / 2] : (hours[(hours.Count / 2) - 1] + hours[hours.Count / 2]) / 2;
        return new FeedbackFigures(posts.Count, hours.Count, posts.Count == 0 ? 0 : (double)hours.Count / posts.Count,
            median is null ? null : Math.Round(median.Value, 1), commitments.Count, commitments.Count(d => d is not null));
    }

    /// <summary>The unit's wall, newest first: public posts, and private ones to their author and to the unit.</summary>
    public async Task<IReadOnlyList<PostView>> WallAsync(FeedbackUnitKey key, int take, CancellationToken cancellationToken)
    {
        var unit = await UnitAsync(key, cancellationToken);
        var me = access.UserId;
        var speaks = await access.SpeaksForAsync(key, unit.AreaPath, cancellationToken);
        var posts = ForUnit(db.FeedbackPosts.AsNoTracking(), key);
        if (!speaks)
        {
            posts = posts.Where(p => p.IsPublic || p.AuthorUserId == me);
        }

        var ids = await posts.OrderByDescending(p => p.PostedAt).ThenByDescending(p => p.Id).Take(take).Select(p => p.Id).ToListAsync(cancellationToken);
        return await ViewsAsync(ids, cancellationToken);
    }

    public async Task<PostView> PostAsync(long id, CancellationToken cancellationToken)
    {
        var views = await ViewsAsync([id], cancellationToken);
        var view = views.SingleOrDefault();
        return view is not null && (view.IsPublic || view.Viewer.IsAuthor || view.Viewer.SpeaksForUnit) ? view
            : throw new DomainRuleException("id", $"no feedback #{id}", StatusCodes.Status404NotFound);
    }

    public async Task<PlanView> PlanAsync(FeedbackUnitKey key, CancellationToken cancellationToken)
    {
        var unit = await UnitAsync(key, cancellationToken);
        var rows = await db.FeedbackCommitments.AsNoTracking()
            .Where(c => key.NodeId != null ? c.UnitNodeId == key.NodeId : c.UnitDepartmentId == key.DepartmentId)
            .OrderBy(c => c.DoneAt != null).ThenBy(c => c.DueOn).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Id, c.PostId, c.What, c.DueOn, c.AdoptedAt, c.DoneAt,
                Post = db.FeedbackPosts.Where(p => p.Id == c.PostId).Select(p => new { p.Title, p.IsPublic, p.HiddenAt }).Single(),
                Progress = c.Progress.OrderBy(p => p.At).ThenBy(p => p.Id).Select(p => new ProgressView(p.Text, p.At, p.MarksDone)).ToList(),
            }).ToListAsync(cancellationToken);
        var today = Today();
        return new PlanView(unit.Key, unit.Name, unit.NameEn, await access.SpeaksForAsync(key, unit.AreaPath, cancellationToken), [.. rows.Select(c =>
            new CommitmentView(c.Id, c.PostId, c.Post.IsPublic && c.Post.HiddenAt == null ? c.Post.Title : null, c.What, c.DueOn, c.AdoptedAt, c.DoneAt,
                State(c.DueOn, c.DoneAt, today), c.Progress))]);
    }

    private async Task<IReadOnlyList<PostView>> ViewsAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await db.FeedbackPosts.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new
        {
            p.Id, p.UnitNodeId, p.UnitDepartmentId, p.UnitPath, p.Kind, p.Title, p.Text, p.ShownName, p.IsPublic, p.PostedAt, p.AuthorUserId,
            Place = db.Nodes.Where(n => n.Id == p.PlaceNodeId).Select(n => new { n.Name, n.NameEn }).FirstOrDefault(),
            p.HiddenAt, p.HiddenReason,
            Replies = p.Replies.OrderBy(r => r.At).ThenBy(r => r.Id).Select(r => new ReplyView(r.Text, r.At)).ToList(),
            Commitment = db.FeedbackCommitments.Where(c => c.PostId == p.Id).Select(c => new { c.Id, c.What, c.DueOn, c.DoneAt }).FirstOrDefault(),
            Followers = p.Followers.Count,
        }).ToListAsync(cancellationToken);

        var me = access.UserId;
        var follows = me is null ? [] : await db.FeedbackFollowers.AsNoTracking().Where(f => f.UserId == me && ids.Contains(f.PostId)).Select(f => f.PostId).ToListAsync(cancellationToken);
        var flagged = me is null ? [] : await db.FeedbackFlags.AsNoTracking().Where(f => f.UserId == me && ids.Contains(f.PostId)).Select(f => f.PostId).ToListAsync(cancellationToken);
        var unitCache = new Dictionary<FeedbackUnitKey, (FeedbackUnit Unit, bool Speaks, bool Moderates)>();
        var today = Today();
        var views = new List<PostView>();
        foreach (var p in rows.OrderByDescending(p => p.PostedAt).ThenByDescending(p => p.Id))
        {
            var key = FeedbackUnitKey.Of(p.UnitNodeId, p.UnitDepartmentId);
            if (!unitCache.TryGetValue(key, out var u))
            {
                u = ((await units.FindAsync(key, cancellationToken))!, await access.SpeaksForAsync(key, p.UnitPath, cancellationToken),
                    me is not null && await access.ModeratesAsync(p.UnitPath, cancellationToken));
                unitCache[key] = u;
            }

            var isAuthor = me is not null && p.AuthorUserId == me;
            var hidden = p.HiddenAt is not null;
            var words = !hidden || isAuthor || u.Moderates;
            views.Add(new PostView(p.Id, u.Unit.Key, u.Unit.Name, u.Unit.NameEn, EnumWire(p.Kind), words ? p.Title : null, words ? p.Text : null, p.ShownName,
                p.IsPublic, p.PostedAt, p.Place?.Name, p.Place?.NameEn, hidden, p.HiddenReason, p.Replies,
                p.Commitment is { } c ? new CommitmentBrief(c.Id, c.What, c.DueOn, State(c.DueOn, c.DoneAt, today)) : null, p.Followers,
                new PostViewer(me is not null, isAuthor, follows.Contains(p.Id), flagged.Contains(p.Id), u.Speaks, u.Moderates)));
        }

        return views;
    }

    public static IQueryable<FeedbackPost> ForUnit(IQueryable<FeedbackPost> posts, FeedbackUnitKey key) => key.NodeId is { } node
        ? posts.Where(p => p.UnitNodeId == node)
        : posts.Where(p => p.UnitDepartmentId == key.DepartmentId);

    public static string EnumWire(FeedbackKind kind) => kind == FeedbackKind.Advice ? "advice" : "complaint";

    /// <summary>open, overdue (past its due day and not done) or done.</summary>
    public static string State(DateOnly dueOn, DateTimeOffset? doneAt, DateOnly today) => doneAt is not null ? "done" : dueOn < today ? "overdue" : "open";

    private DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Display.ChinaTime).DateTime);
}
