using Linli.Web.Data;
using Linli.Web.Features.Audit;
using Linli.Web.Features.People;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Care;

/// <summary>The register as each reader may see it: a resident their own, workers their subtree, chiefs their field work. Staff reads are audited.</summary>
public sealed class CareReads(LinliDb db, CareAccess access, AuditLog audit)
{
    public async Task<MyCare> MineAsync(CancellationToken cancellationToken)
    {
        var userId = access.RequireUser();
        var entries = await Project(db.CareEntries.AsNoTracking().Where(e => e.ResidentUserId == userId)).ToListAsync(cancellationToken);
        var ids = entries.Select(e => e.Id).ToList();
        var help = await db.HelpRequests.AsNoTracking().Where(h => ids.Contains(h.EntryId)).OrderByDescending(h => h.RaisedAt).ThenByDescending(h => h.Id)
            .Select(h => new { h.Id, h.EntryId, h.Kind, h.Note, h.Entry!.Node!.Code, h.Entry.Node.Name, h.RaisedAt, h.DeliveredAt, h.ConfirmedAt })
            .ToListAsync(cancellationToken);
        return new MyCare(entries, [.. help.Select(h => new HelpRequestDto(h.Id, h.EntryId, h.Kind, h.Note, h.Code, h.Name, StatusOf(h.DeliveredAt, h.ConfirmedAt), h.RaisedAt, h.DeliveredAt, h.ConfirmedAt))],
            Consents.CareRegisterText.Version);
    }

    /// <summary>The register under <paramref name="nodeCode"/> (or all the caller manages), for workers; every entry read is audited.</summary>
    public async Task<IReadOnlyList<CareEntryDto>> RegisterAsync(string? nodeCode, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> paths;
        if (string.IsNullOrWhiteSpace(nodeCode))
        {
            paths = await access.ManagedPathsAsync(cancellationToken);
            if (paths.Count == 0)
            {
                throw new DomainRuleException("node", "Only community workers, street staff and administrators read the care register.", StatusCodes.Status403Forbidden);
            }
        }
        else
        {
            var path = await db.Nodes.AsNoTracking().Where(n => n.Code == nodeCode).Select(n => n.Path).SingleOrDefaultAsync(cancellationToken)
                ?? throw new DomainRuleException("node", $"No node has the code {nodeCode}.", StatusCodes.Status404NotFound);
            await access.RequireManageAsync(path, cancellationToken);
            paths = [path];
        }

        var entries = new List<CareEntryDto>();
        var audited = new List<AuditedRecord>();
        foreach (var path in paths)
        {
            var rows = await Project(db.CareEntries.AsNoTracking().Where(e => e.NodePath.StartsWith(path))).Take(1000).ToListAsync(cancellationToken);
            entries.AddRange(rows);
            audited.AddRange(await AuditedAsync(rows.Select(r => r.Id), cancellationToken));
        }

        await audit.RecordReadsAsync("care register: workers' view of the register of their area", audited, cancellationToken);
        return entries;
    }

    /// <summary>
    /// The chief's field work: the help requests assigned to them (open or awaiting the household's confirmation) and the
    /// entries open to them now. Every entry and contact shown is an audited read.
    /// </summary>
    public async Task<CareFieldView> FieldAsync(CancellationToken cancellationToken)
    {
        var userId = access.RequireUser();
        if (await access.HoldsPoliceRoleAsync(cancellationToken))
        {
            return new CareFieldView([], []);
        }

        var tasks = await db.HelpRequests.AsNoTracking().Where(h => h.AssigneeUserId == userId && h.ConfirmedAt == null)
            .OrderBy(h => h.DeliveredAt != null).ThenBy(h => h.RaisedAt)
            .Select(h => new { h.Id, h.EntryId, h.Kind, h.Note, h.Entry!.Node!.Code, h.Entry.Node.Name, h.Entry.Node.NameEn, h.Entry.ContactName, h.Entry.Contact, h.RaisedAt, h.DeliveredAt })
            .ToListAsync(cancellationToken);
        var units = await access.UnitsOpenToChiefAsync(cancellationToken);
        var entries = units.Count == 0 ? [] : await Project(db.CareEntries.AsNoTracking().Where(e => units.Contains(e.NodeId))).ToListAsync(cancellationToken);
        var entryIds = entries.Select(e => e.Id).Concat(tasks.Select(t => t.EntryId)).Distinct().ToList();
        if (entryIds.Count > 0)
        {
            await audit.RecordReadsAsync("care register: a chief's emergency task or help request at the unit", await AuditedAsync(entryIds, cancellationToken), cancellationToken);
        }

        return new CareFieldView(
            [.. tasks.Select(t => new HelpTaskDto(t.Id, t.Kind, t.Note, t.Code, t.Name, t.NameEn, t.ContactName, t.Contact, StatusOf(t.DeliveredAt, null), t.RaisedAt, t.DeliveredAt))],
            entries);
    }

    public static HelpStatus StatusOf(DateTimeOffset? deliveredAt, DateTimeOffset? confirmedAt) =>
        confirmedAt is not null ? HelpStatus.Confirmed : deliveredAt is not null ? HelpStatus.AwaitingConfirmation : HelpStatus.Open;

    private async Task<List<AuditedRecord>> AuditedAsync(IEnumerable<long> ids, CancellationToken cancellationToken)
    {
        var list = ids.ToList();
        var rows = await db.CareEntries.AsNoTracking().Where(e => list.Contains(e.Id)).Select(e => new { e.Id, e.ResidentUserId, e.NodePath }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new AuditedRecord("CareEntry", r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r.ResidentUserId, r.NodePath))];
    }

    private IQueryable<CareEntryDto> Project(IQueryable<CareEntry> entries) =>
        entries.OrderBy(e => e.NodePath).ThenBy(e => e.Id).Select(e => new CareEntryDto(
            e.Id, e.Node!.Code, e.Node.Name, e.Node.NameEn, e.Need, e.ContactName, e.Contact, e.Note, e.CampaignId,
            db.Campaigns.Where(c => c.Id == e.CampaignId).Select(c => c.Title).FirstOrDefault(),
            e.ExpiresAt, e.ConsentVersion, e.ConsentGivenAt, e.ConsentGivenOrally, e.ResidentUserId != null, e.CreatedAt));
}
