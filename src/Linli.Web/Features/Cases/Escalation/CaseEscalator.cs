using Linli.Web.Data;
using Linli.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.Cases.Escalation;

/// <summary>
/// One escalation run: raises every overdue open case to the level <see cref="EscalationRule"/> gives it, records an
/// Escalated event per level (naming the tree node) and, for cases a department handles, one naming the department
/// with an email to its supervisor through the outbox — all in the case's own transaction.
/// </summary>
public sealed partial class CaseEscalator(LinliDb db, JobLeases leases, TimeProvider clock, IOptions<CasesOptions> options, ILogger<CaseEscalator> logger)
{
    public const string LeaseName = "case-escalation";
    private const int PageSize = 200;

    private readonly Dictionary<string, (string Name, string? NameEn)> _nodes = [];
    private readonly Dictionary<int, Supervisor> _departments = [];

    /// <summary>A run as the background loop makes it: only while this instance holds the escalation lease. Returns the cases raised.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var lease = TimeSpan.FromSeconds(options.Value.EscalationIntervalSeconds * 3);
        return await leases.TryAcquireAsync(LeaseName, lease, cancellationToken) ? await EscalateOverdueAsync(cancellationToken) : 0;
    }

    /// <summary>
    /// The run itself, without the lease. Safe to overlap with another instance's: each raise is a conditional UPDATE on
    /// the case's level and version, so of two runs (or a run and a handler) only the first moves the case.
    /// </summary>
    public async Task<int> EscalateOverdueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var raised = 0;
        long after = 0;
        while (true)
        {
            var page = await OverdueAsync(now, after, cancellationToken);
            foreach (var c in page)
            {
                var target = EscalationRule.LevelAt(c.DueAt, EscalationRule.LimitFor(c.State, c.RespondMinutes, c.ResolveMinutes), now);
                if (target > c.EscalationLevel && await TryRaiseAsync(c, target, now, cancellationToken))
                {
                    raised++;
                }
            }

            if (page.Count < PageSize)
            {
                return raised;
            }

            after = page[^1].Id;
        }
    }

    private async Task<List<Overdue>> OverdueAsync(DateTimeOffset now, long after, CancellationToken cancellationToken)
    {
        var rows = await db.Cases.AsNoTracking()
            .Where(c => c.Id > after && c.EscalationLevel < EscalationRule.MaxLevel && (
                ((c.State == CaseState.New || c.State == CaseState.Dispatched || c.State == CaseState.Returned) && c.RespondBy < now) ||
                ((c.State == CaseState.Accepted || c.State == CaseState.InProgress || c.State == CaseState.Reopened) && c.ResolveBy < now)))
            .OrderBy(c => c.Id).Take(PageSize)
            .Select(c => new
            {
                c.Id, c.State, c.RespondBy, c.ResolveBy, c.EscalationLevel, c.Version, c.GridPath, c.Address, c.AssignedDepartmentId,
                c.Category!.Name, c.Category.NameEn, c.Category.RespondWithinMinutes, c.Category.ResolveWithinMinutes,
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new Overdue(
            r.Id, r.State, EscalationRule.IsAwaitingResponse(r.State) ? r.RespondBy : r.ResolveBy, r.EscalationLevel, r.Version, r.GridPath, r.Address,
            r.AssignedDepartmentId, r.Name, r.NameEn, r.RespondWithinMinutes, r.ResolveWithinMinutes))];
    }

    private async Task<bool> TryRaiseAsync(Overdue c, int target, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            return await RaiseAsync(c, target, now, cancellationToken);
        }
        catch (DbUpdateException e)
        {
            // One case that cannot be written must not hold up the others; it is tried again next run.
            db.ChangeTracker.Clear();
            LogRaiseFailed(logger, e, c.Id);
            return false;
        }
    }

    private async Task<bool> RaiseAsync(Overdue c, int target, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var moved = await db.Cases.Where(x => x.Id == c.Id && x.Version == c.Version && x.EscalationLevel == c.EscalationLevel)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.EscalationLevel, target)
                .SetProperty(x => x.EscalatedAt, now)
                .SetProperty(x => x.Version, x => x.Version + 1), cancellationToken);
        if (moved == 0)
        {
            // Another run raised it, or a handler acted on it, since we read it; the next run looks again.
            return false;
        }

        for (var level = c.EscalationLevel + 1; level <= target; level++)
        {
            var code = EscalationRule.NodeCodeFor(c.GridPath, level);
            var (name, nameEn) = await NodeAsync(code, cancellationToken);
            Record(c, now, code, $"逾期未办，升级至{name}督办 / Overdue: escalated to {nameEn ?? name}");
        }

        var top = EscalationRule.NodeCodeFor(c.GridPath, target);
        if (c.DepartmentId is { } departmentId && await SupervisorAsync(departmentId, cancellationToken) is { } supervisor)
        {
            Record(c, now, $"department:{supervisor.Code}", $"逾期未办，已报{supervisor.Name}负责人督办 / Overdue: escalated to the supervisor of {supervisor.NameEn ?? supervisor.Name}");
            if (supervisor.Email is not null)
            {
                db.Outbox.Add(SupervisorMessages.Overdue(c, target, await NodeAsync(top, cancellationToken), supervisor.Email, now));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        LogRaised(logger, c.Id, target, top);
        return true;
    }

    private void Record(Overdue c, DateTimeOffset now, string to, string note) =>
        db.CaseEvents.Add(new CaseEvent
        {
            CaseId = c.Id, At = now, Kind = CaseEventKind.Escalated, FromState = c.State, ToState = c.State,
            ActorRole = "system", Note = note, IsPublic = true, EscalatedTo = to,
        });

    private async Task<(string Name, string? NameEn)> NodeAsync(string code, CancellationToken cancellationToken)
    {
        if (!_nodes.TryGetValue(code, out var node))
        {
            var found = await db.Nodes.AsNoTracking().Where(n => n.Code == code).Select(n => new { n.Name, n.NameEn }).FirstOrDefaultAsync(cancellationToken);
            node = _nodes[code] = found is null ? (code, null) : (found.Name, found.NameEn);
        }

        return node;
    }

    private async Task<Supervisor?> SupervisorAsync(int departmentId, CancellationToken cancellationToken)
    {
        if (!_departments.TryGetValue(departmentId, out var supervisor))
        {
            supervisor = await db.Departments.AsNoTracking().Where(d => d.Id == departmentId)
                .Select(d => new Supervisor(d.Code, d.Name, d.NameEn, d.SupervisorEmail)).FirstOrDefaultAsync(cancellationToken);
            if (supervisor is null)
            {
                return null;
            }

            _departments[departmentId] = supervisor;
        }

        return supervisor;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not escalate case #{CaseId}; the next run tries again.")]
    private static partial void LogRaiseFailed(ILogger logger, Exception exception, long caseId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case #{CaseId} is overdue: escalated to level {Level} ({NodeCode}).")]
    private static partial void LogRaised(ILogger logger, long caseId, int level, string nodeCode);
}

/// <summary>An open case past its deadline, as the escalation run reads it.</summary>
public sealed record Overdue(
    long Id, CaseState State, DateTimeOffset DueAt, int EscalationLevel, int Version, string GridPath, string? Address,
    int? DepartmentId, string CategoryName, string? CategoryNameEn, int RespondMinutes, int ResolveMinutes);

public sealed record Supervisor(string Code, string Name, string? NameEn, string? Email);
