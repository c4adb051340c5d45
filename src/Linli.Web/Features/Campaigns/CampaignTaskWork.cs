using Linli.Web.Data;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Campaigns;

/// <summary>
/// A chief's campaign tasks: those assigned to them or at nodes they hold, in active campaigns. Marking one done (or
/// reopening it) moves its grid's counter in the same transaction, guarded on the task's status so a double tap counts once.
/// </summary>
public sealed class CampaignTaskWork(LinliDb db, ScopeAuthorizer scope, CurrentUser user, TimeProvider clock)
{
    public const int PageSize = 20;

    public async Task<TaskPage> MineAsync(int page, CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        var me = user.Id!.Value;
        var paths = ScopePaths.Outermost((await scope.RolesGrantingAsync(Permission.DoCampaignTasks, cancellationToken)).Select(r => r.NodePath).OfType<string>());
        var now = clock.GetUtcNow();
        var active = db.Campaigns.Where(c => c.Status == CampaignStatus.Active && c.StartsAt <= now && (c.EndsAt == null || c.EndsAt > now)).Select(c => c.Id);
        var open = db.CampaignTasks.AsNoTracking().Where(t => t.Status == CampaignTaskStatus.Open && active.Contains(t.CampaignId));
        var mine = open.Where(t => t.AssigneeUserId == me);
        foreach (var path in paths)
        {
            mine = mine.Union(open.Where(t => t.NodePath.StartsWith(path)));
        }

        var total = await mine.CountAsync(cancellationToken);
        var ids = await mine.OrderBy(t => t.CampaignId).ThenBy(t => t.NodePath).ThenBy(t => t.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).Select(t => t.Id).ToListAsync(cancellationToken);
        var tasks = await Views(db.CampaignTasks.Where(t => ids.Contains(t.Id))).ToListAsync(cancellationToken);
        return new TaskPage(page, PageSize, total, [.. tasks.OrderBy(t => ids.IndexOf(t.Id))]);
    }

    /// <summary>The task if the caller may do it; null when there is none.</summary>
    public async Task<CampaignTaskView?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await EnsureMayDoAsync(id, requireActive: false, cancellationToken);
        return await Views(db.CampaignTasks.Where(t => t.Id == id)).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<CampaignTaskView> DoneAsync(long id, TaskDoneRequest request, CancellationToken cancellationToken = default)
    {
        var note = FieldRules.Text("note", PlainText.Clean(request.Note), CampaignTask.MaxNote, required: false);
        var task = await EnsureMayDoAsync(id, requireActive: true, cancellationToken);
        var now = clock.GetUtcNow();
        var me = user.Id!.Value;
        await InTransactionAsync(async () =>
        {
            var changed = await db.CampaignTasks.Where(t => t.Id == id && t.Status == CampaignTaskStatus.Open).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Status, CampaignTaskStatus.Done).SetProperty(t => t.DoneAt, now).SetProperty(t => t.DoneBy, me).SetProperty(t => t.Note, note), cancellationToken);
            if (changed == 1)
            {
                await db.CampaignGridProgress.Where(p => p.CampaignId == task.CampaignId && p.GridId == task.GridId)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.Done, p => p.Done + 1), cancellationToken);
            }
        }, cancellationToken);
        return (await Views(db.CampaignTasks.Where(t => t.Id == id)).SingleAsync(cancellationToken));
    }

    public async Task<CampaignTaskView> ReopenAsync(long id, CancellationToken cancellationToken = default)
    {
        var task = await EnsureMayDoAsync(id, requireActive: true, cancellationToken);
        await InTransactionAsync(async () =>
        {
            var changed = await db.CampaignTasks.Where(t => t.Id == id && t.Status == CampaignTaskStatus.Done).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Status, CampaignTaskStatus.Open).SetProperty(t => t.DoneAt, (DateTimeOffset?)null).SetProperty(t => t.DoneBy, (Guid?)null), cancellationToken);
            if (changed == 1)
            {
                await db.CampaignGridProgress.Where(p => p.CampaignId == task.CampaignId && p.GridId == task.GridId && p.Done > 0)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.Done, p => p.Done - 1), cancellationToken);
            }
        }, cancellationToken);
        return (await Views(db.CampaignTasks.Where(t => t.Id == id)).SingleAsync(cancellationToken));
    }

    public sealed record TaskRef(long Id, int CampaignId, int GridId, int NodeId, string NodePath, long? CaseId, DateTimeOffset CampaignCreatedAt);

    /// <summary>
    /// The task, if the caller may do it: a role granting DoCampaignTasks, and the task assigned to them or at a node of
    /// their subtree. 404 when there is none, 403 outside, 409 when its campaign is no longer active (for changes).
    /// </summary>
    public async Task<TaskRef> EnsureMayDoAsync(long id, bool requireActive, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var task = await db.CampaignTasks.AsNoTracking().Where(t => t.Id == id).Select(t => new
        {
            Ref = new TaskRef(t.Id, t.CampaignId, t.GridId, t.NodeId, t.NodePath, t.CaseId, t.Campaign!.CreatedAt),
            t.AssigneeUserId,
            Active = t.Campaign.Status == CampaignStatus.Active && t.Campaign.StartsAt <= now && (t.Campaign.EndsAt == null || t.Campaign.EndsAt > now),
        }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainRuleException("id", $"No campaign task #{id}.", StatusCodes.Status404NotFound);
        var roles = await scope.RolesGrantingAsync(Permission.DoCampaignTasks, cancellationToken);
        var holds = roles.Any(r => r.NodePath is not null && task.Ref.NodePath.StartsWith(r.NodePath, StringComparison.Ordinal));
        if (roles.Count == 0 || !(holds || task.AssigneeUserId == user.Id))
        {
            throw new DomainRuleException("id", "This task is not at a node you hold.", StatusCodes.Status403Forbidden);
        }

        if (requireActive && !task.Active)
        {
            throw new DomainRuleException("id", "This task's campaign has ended.", StatusCodes.Status409Conflict);
        }

        return task.Ref;
    }

    private async Task InTransactionAsync(Func<Task> work, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await work();
            await transaction.CommitAsync(cancellationToken);
        });
    }

    private IQueryable<CampaignTaskView> Views(IQueryable<CampaignTask> tasks) =>
        from t in tasks.AsNoTracking()
        join n in db.Nodes on t.NodeId equals n.Id
        join p in db.Nodes on n.ParentId equals p.Id into parents
        from p in parents.DefaultIfEmpty()
        select new CampaignTaskView(
            t.Id, t.CampaignId, t.Campaign!.Title, t.Campaign.Kind, t.Campaign.Instructions, t.Kind, n.Code, n.Name, n.NameEn,
            n.Kind == Tree.NodeKind.Unit ? p!.Name : null, n.Kind == Tree.NodeKind.Unit ? p!.NameEn : null,
            t.Status, t.DoneAt, t.Note, t.CaseId);
}
