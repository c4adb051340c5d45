using Linli.Web.Data;
using Linli.Web.Features.Audit;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Mediation;

/// <summary>The mediators' list and one mediation as its reader may see it; every read of party contacts is audited.</summary>
public sealed class MediationQueries(LinliDb db, MediationWork work, MediationAccess access, AuditLog audit, TimeProvider clock)
{
    private const int ListSize = 300;

    /// <summary>
    /// Mediations in the caller's subtrees as staff, and those they are named a mediator of. Open ones and due
    /// follow-ups first. A resident who mediates nothing gets an empty list.
    /// </summary>
    public async Task<List<MediationListItem>> ListAsync(CancellationToken cancellationToken)
    {
        var userId = access.UserId ?? throw new DomainRuleException("user", "sign in first", StatusCodes.Status401Unauthorized);
        var roots = await access.StaffRootsAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var mine = db.MediationMediators.Where(m => m.UserId == userId).Select(m => m.MediationId);
        var found = new List<MediationListItem>();
        foreach (var root in roots.Append(null))
        {
            var query = db.Mediations.AsNoTracking();
            query = root is null ? query.Where(m => mine.Contains(m.Id)) : query.Where(m => m.NodePath.StartsWith(root));
            var rows = await query
                .OrderByDescending(m => m.OpenedAt).Take(ListSize)
                .Select(m => new
                {
                    m.Id, m.Type, m.Kind, Node = db.Nodes.Where(n => n.Id == m.NodeId).Select(n => new { n.Code, n.Name }).First(), m.Summary, m.Outcome, m.OpenedAt,
                    m.FollowUpDueAt, m.FollowUp, Mine = mine.Contains(m.Id),
                })
                .ToListAsync(cancellationToken);
            found.AddRange(rows.Select(m => new MediationListItem(
                m.Id, MediationWork.Wire(m.Type), MediationWork.Wire(m.Kind), m.Node.Code, m.Node.Name, m.Summary, m.Outcome is null ? "open" : "concluded",
                m.Outcome is { } o ? MediationWork.Wire(o) : null, m.OpenedAt, m.FollowUpDueAt, IsFollowUpDue(m.FollowUpDueAt, m.FollowUp, now), m.Mine)));
        }

        return [.. found.DistinctBy(m => m.Id).OrderByDescending(m => m.FollowUpDue).ThenByDescending(m => m.State == "open").ThenByDescending(m => m.OpenedAt)];
    }

    /// <summary>One mediation with its parties' contacts: the read is written to the audit log.</summary>
    public async Task<MediationDto> DetailAsync(int id, CancellationToken cancellationToken)
    {
        var m = await work.LoadAsync(id, cancellationToken);
        var reader = await access.RequireReaderAsync(m, cancellationToken);
        var nodeIds = m.Parties.Select(p => p.UnitNodeId).Append(m.NodeId).ToList();
        var nodes = await db.Nodes.AsNoTracking().Where(n => nodeIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => new { n.Code, n.Name }, cancellationToken);
        var mediatorIds = m.Mediators.Select(x => x.UserId).ToList();
        var names = reader.SeesMediatorNames
            ? await db.Users.AsNoTracking().Where(u => mediatorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken)
            : [];
        var records = MediationWork.Records(m);
        if (records.Count > 0)
        {
            await audit.RecordReadsAsync("mediation: parties' contacts", records, cancellationToken);
        }

        var now = clock.GetUtcNow();
        return new MediationDto(
            m.Id, MediationWork.Wire(m.Type), MediationWork.Wire(m.Kind), nodes[m.NodeId].Code, nodes[m.NodeId].Name, m.Summary, m.OpenedAt, m.IsOpen ? "open" : "concluded",
            [.. m.Parties.OrderBy(p => p.Id).Select(p => new PartyDto(p.Id, nodes[p.UnitNodeId].Code, nodes[p.UnitNodeId].Name, p.ContactName, p.ContactPhone))],
            [.. m.Mediators.OrderBy(x => x.Id).Select(x => new MediatorDto(MediationWork.Wire(x.Capacity), names.GetValueOrDefault(x.UserId), x.UserId == reader.UserId))],
            [.. m.Sessions.OrderBy(s => s.HeldAt).Select(s => new SessionDto(s.Id, s.HeldAt, s.Place, s.Notes, s.AttendedPartyIds))],
            m.Outcome is { } o ? MediationWork.Wire(o) : null, m.OutcomeAt, m.AgreementText,
            m.FollowUpDueAt, IsFollowUpDue(m.FollowUpDueAt, m.FollowUp, now), m.FollowUp is { } f ? MediationWork.Wire(f) : null, m.FollowUpAt, m.FollowUpNote,
            reader.IsStaff && m.IsOpen);
    }

    private static bool IsFollowUpDue(DateTimeOffset? dueAt, FollowUpResult? done, DateTimeOffset now) => dueAt is { } due && done is null && due <= now;
}
