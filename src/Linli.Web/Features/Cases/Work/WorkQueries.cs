using Linli.Web.Data;
using Linli.Web.Features.Audit;
using Linli.Web.Features.Cases.Lifecycle;
using Linli.Web.Features.People;
using Linli.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Cases.Work;

public enum WorkView
{
    Mine,
    Queue,
    All,

    /// <summary>Open cases whose escalation reached the caller's part of the tree (dispatchers at a community or above).</summary>
    Escalated,
}

/// <summary>The staff side's reads: work queues built from the caller's usable roles, and one case in detail.</summary>
public sealed class WorkQueries(LinliDb db, CurrentUser currentUser, ScopeAuthorizer scope, CaseAccess access, AuditLog audit, TimeProvider clock)
{
    private static readonly CaseState[] Handling = [CaseState.Dispatched, CaseState.Accepted, CaseState.InProgress, CaseState.Reopened];
    private static readonly CaseState[] Escalatable = [CaseState.New, CaseState.Dispatched, CaseState.Returned, CaseState.Accepted, CaseState.InProgress, CaseState.Reopened];

    public async Task<IReadOnlyList<WorkItem>> ListAsync(WorkView view, CaseState? state, bool overdueOnly, int take, CancellationToken cancellationToken)
    {
        var roles = (await currentUser.RolesAsync(cancellationToken)).Where(r => scope.IsUsable(r.Role)).ToList();
        var now = clock.GetUtcNow();
        var queries = new List<IQueryable<Case>>();
        foreach (var role in roles)
        {
            var path = role.NodePath;
            var cases = db.Cases.AsNoTracking();
            switch (view)
            {
                case WorkView.Mine when role.Role == StaffRole.DepartmentHandler && role.DepartmentId is { } department:
                    queries.Add(cases.Where(c => c.AssignedDepartmentId == department && Handling.Contains(c.State)));
                    break;
                case WorkView.Mine when path is not null:
                    var held = role.Role;
                    queries.Add(cases.Where(c => c.AssignedRole == held && c.GridPath.StartsWith(path) && Handling.Contains(c.State)));
                    if (held == StaffRole.GridChief || RolePermissions.Allows(held, Permission.DispatchCases))
                    {
                        // Resolved cases wait for their check, verified ones to be closed: both are theirs to do.
                        queries.Add(cases.Where(c => (c.State == CaseState.Resolved || c.State == CaseState.Verified) && c.GridPath.StartsWith(path)));
                    }

                    break;
                case WorkView.Queue when path is not null && RolePermissions.Allows(role.Role, Permission.DispatchCases):
                    queries.Add(cases.Where(c => (c.State == CaseState.New || c.State == CaseState.Returned) && c.GridPath.StartsWith(path)));
                    break;
                case WorkView.Escalated when path is not null && RolePermissions.Allows(role.Role, Permission.DispatchCases) && IsCommunityOrAbove(path):
                    queries.Add(cases.Where(c => c.EscalationLevel > 0 && Escalatable.Contains(c.State) && c.GridPath.StartsWith(path)));
                    break;
                case WorkView.All when path is not null && RolePermissions.Allows(role.Role, Permission.ViewCases):
                    queries.Add(cases.Where(c => c.GridPath.StartsWith(path)));
                    break;
            }
        }

        var items = new Dictionary<long, WorkItem>();
        foreach (var query in queries)
        {
            var filtered = state is { } s ? query.Where(c => c.State == s) : query;
            var found = await filtered.OrderByDescending(c => c.ReportedAt).Take(take)
                .Select(c => new
                {
                    c.Id, c.State, c.Description, c.Address, c.GridPath, c.ReportedAt, c.RespondBy, c.ResolveBy, c.EscalationLevel,
                    Category = new CategoryRef(c.Category!.Code, c.Category.Name, c.Category.NameEn),
                    Department = c.AssignedDepartment == null ? null : c.AssignedDepartment.Code,
                    c.AssignedRole,
                    Node = c.AssignedNode == null ? null : c.AssignedNode.Code,
                })
                .ToListAsync(cancellationToken);
            foreach (var c in found)
            {
                var due = Deadlines.DueAt(c.State, c.RespondBy, c.ResolveBy);
                items[c.Id] = new WorkItem(c.Id, c.Category, c.State.ToString(), Shorten(c.Description), c.Address, LastCode(c.GridPath), c.ReportedAt, due, due < now,
                    c.EscalationLevel, c.Department is not null ? $"department:{c.Department}" : c.AssignedRole is not null ? $"{c.AssignedRole}@{c.Node}" : null);
            }
        }

        return [.. items.Values.Where(i => !overdueOnly || i.Overdue)
            .OrderByDescending(i => i.Overdue).ThenBy(i => i.DueAt ?? DateTimeOffset.MaxValue).ThenByDescending(i => i.ReportedAt).Take(take)];
    }

    /// <summary>
    /// Whether the case exists, refusing (403) a caller with no part in it — for reads beside the case, such as its
    /// photos, that must not count as a look at the reporter's contact.
    /// </summary>
    public async Task<bool> MaySeeAsync(long number, CancellationToken cancellationToken)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == number, cancellationToken);
        if (c is null)
        {
            return false;
        }

        RefuseOutsiders(await access.ActorForAsync(c, cancellationToken));
        return true;
    }

    private static void RefuseOutsiders(CaseActor actor)
    {
        if (!actor.CanSee && !actor.IsReporter)
        {
            throw new Infrastructure.Problems.DomainRuleException("number", "This case is outside your part of the tree and not assigned to you.", StatusCodes.Status403Forbidden);
        }
    }

    /// <summary>The case with its history, or 403 when the caller has no part in it; null when there is no such case.</summary>
    public async Task<WorkCase?> GetAsync(long number, CancellationToken cancellationToken)
    {
        var c = await db.Cases.AsNoTracking().Include(x => x.Category).Include(x => x.AssignedDepartment).Include(x => x.AssignedNode)
            .FirstOrDefaultAsync(x => x.Id == number, cancellationToken);
        if (c is null)
        {
            return null;
        }

        var actor = await access.ActorForAsync(c, cancellationToken);
        RefuseOutsiders(actor);

        ReporterContact? reporter = null;
        var hasContact = c.ReporterName is not null || c.ReporterEmail is not null || c.ReporterPhone is not null || c.ReporterUserId is not null;
        if (actor.IsHandler && hasContact)
        {
            reporter = await ContactAsync(c, cancellationToken);
            await audit.RecordReadsAsync($"handle case #{c.Id}", [new AuditedRecord("CaseReporterContact", c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), c.ReporterUserId, c.GridPath)], cancellationToken);
        }

        var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == c.Id).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new WorkEvent(e.At, e.Kind.ToString(), e.FromState == null ? null : e.FromState.ToString(), e.ToState.ToString(), e.ActorName, e.ActorRole, e.Note, e.IsPublic, e.EscalatedTo))
            .ToListAsync(cancellationToken);
        var photos = await db.CasePhotos.AsNoTracking().Where(p => p.CaseId == c.Id).OrderBy(p => p.Id)
            .Select(p => new WorkPhoto(p.Id, p.Stage.ToString(), p.Width, p.Height)).ToListAsync(cancellationToken);
        var due = Deadlines.DueAt(c.State, c.RespondBy, c.ResolveBy);
        var allowed = CaseStateMachine.ActionsFrom(c.State).Where(a => actor.May(a, c.State) && a != CaseAction.MarkDuplicate).Select(a => a.ToString().ToLowerInvariant()).ToList();

        return new WorkCase(
            c.Id, new CategoryRef(c.Category!.Code, c.Category.Name, c.Category.NameEn), c.Category.ResolutionNeedsPhoto, c.Description,
            [.. c.Answers.Select(a => new WorkAnswer(a.Code, a.Values))], c.State.ToString(), c.Source.ToString(),
            c.Latitude, c.Longitude, c.Address, LastCode(c.GridPath), c.BuildingCode,
            c.AssignedDepartment?.Code, c.AssignedRole?.ToString(), c.AssignedNode?.Code,
            c.ReportedAt, c.DispatchedAt, c.RespondedAt, c.ResolvedAt, c.ClosedAt, c.RespondBy, c.ResolveBy, due, due < clock.GetUtcNow(), c.EscalationLevel, c.DuplicateOfId,
            c.RatingStars, c.RatingSolved, c.RatingComment,
            reporter, hasContact && reporter is null, events, photos, allowed);
    }

    private async Task<ReporterContact> ContactAsync(Case c, CancellationToken cancellationToken)
    {
        var account = c.ReporterUserId is { } id
            ? await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.DisplayName, u.Email, u.PhoneNumber }).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new ReporterContact(c.ReporterName ?? account?.DisplayName, c.ReporterEmail ?? account?.Email, c.ReporterPhone ?? account?.PhoneNumber, c.ReporterAnonymous);
    }

    /// <summary>
    /// Escalation climbs community → street → district, so an escalated case has reached a node in the subtree of every
    /// node at or above its community (path "/city/district/street/community/" or shorter), and never a grid's.
    /// </summary>
    private static bool IsCommunityOrAbove(string path) => path.Count(ch => ch == '/') <= 5;

    private static string Shorten(string text) => text.Length > 200 ? text[..200] + "…" : text;

    private static string LastCode(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1];
}
