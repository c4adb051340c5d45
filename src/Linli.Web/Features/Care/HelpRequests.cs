using Linli.Web.Data;
using Linli.Web.Features.Audit;
using Linli.Web.Features.Cases.Intake;
using Linli.Web.Features.Notifications;
using Linli.Web.Features.People;
using Linli.Web.Infrastructure;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Care;

/// <summary>
/// Help requests: raised by the household (or a worker for it), assigned to the chief holding the unit, delivered by
/// them, confirmed by the household in <c>/me/care</c> or with the signed link sent to the entry's contact.
/// </summary>
public sealed class HelpRequests(LinliDb db, CareAccess access, AuditLog audit, Notifier notifier, NotificationKeys keys, TimeProvider clock)
{
    public async Task<long> RaiseOwnAsync(long entryId, HelpRequestBody body, CancellationToken cancellationToken)
    {
        var userId = access.RequireUser();
        var entry = await db.CareEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId && e.ResidentUserId == userId, cancellationToken)
            ?? throw new DomainRuleException("entryId", "You have no care register entry with this number.", StatusCodes.Status404NotFound);
        return await RaiseAsync(entry, body, userId, cancellationToken);
    }

    public async Task<long> RaiseForAsync(long entryId, HelpRequestBody body, CancellationToken cancellationToken)
    {
        var userId = access.RequireUser();
        var entry = await db.CareEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId, cancellationToken)
            ?? throw new DomainRuleException("entryId", $"No care register entry #{entryId}.", StatusCodes.Status404NotFound);
        await access.RequireManageAsync(entry.NodePath, cancellationToken);
        await audit.RecordAsync(AuditAction.Create, "care register: help requested on the household's behalf", [CareRegistration.Audited(entry)], cancellationToken);
        return await RaiseAsync(entry, body, userId, cancellationToken);
    }

    /// <summary>The chief marks the help delivered; the household is sent a link to confirm it.</summary>
    public async Task DeliverAsync(long id, CancellationToken cancellationToken)
    {
        var userId = access.RequireUser();
        var help = await db.HelpRequests.Include(h => h.Entry).FirstOrDefaultAsync(h => h.Id == id, cancellationToken)
            ?? throw new DomainRuleException("id", $"No help request #{id}.", StatusCodes.Status404NotFound);
        if (!await access.CanDeliverAsync(help.AssigneeUserId, help.NodePath, cancellationToken))
        {
            throw new DomainRuleException("id", "Only the chief this help is assigned to, or one doing campaign tasks over the unit, marks it delivered.", StatusCodes.Status403Forbidden);
        }

        if (help.DeliveredAt is not null)
        {
            throw new DomainRuleException("id", "this help was already marked delivered", StatusCodes.Status409Conflict);
        }

        help.DeliveredAt = clock.GetUtcNow();
        help.DeliveredBy = userId;
        var link = "/care/confirm/" + keys.Sign(TokenPurpose.ConfirmCareDelivery, help.Id);
        var notice = new Notice(NoticePurpose.Service, "请确认已收到帮助 Please confirm the help arrived",
            $"社区为您送达了：{KindZh(help.Kind)}。请打开链接确认收到。\nThe community has delivered: {KindEn(help.Kind)}. Please open the link to confirm you received it.", link);
        // To the entry's contact (perhaps a relative's phone), not the account: that is whom the household asked us to reach.
        notifier.ToAddress(help.Entry!.Contact, notice);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task ConfirmOwnAsync(long id, CancellationToken cancellationToken)
    {
        var userId = access.RequireUser();
        if (!await db.HelpRequests.AnyAsync(h => h.Id == id && h.Entry!.ResidentUserId == userId, cancellationToken))
        {
            throw new DomainRuleException("id", "You have no help request with this number.", StatusCodes.Status404NotFound);
        }

        await ConfirmAsync(id, cancellationToken);
    }

    /// <summary>Records the household's confirmation once; a second one, or one before delivery, is refused (409).</summary>
    public async Task ConfirmAsync(long id, CancellationToken cancellationToken)
    {
        var state = await db.HelpRequests.AsNoTracking().Where(h => h.Id == id).Select(h => new { h.DeliveredAt, h.ConfirmedAt }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainRuleException("id", $"No help request #{id}.", StatusCodes.Status404NotFound);
        if (state.DeliveredAt is null)
        {
            throw new DomainRuleException("id", "this help has not been marked delivered yet", StatusCodes.Status409Conflict);
        }

        var now = clock.GetUtcNow();
        var changed = await db.HelpRequests.Where(h => h.Id == id && h.ConfirmedAt == null).ExecuteUpdateAsync(s => s.SetProperty(h => h.ConfirmedAt, now), cancellationToken);
        if (changed == 0)
        {
            throw new DomainRuleException("id", "this delivery was already confirmed", StatusCodes.Status409Conflict);
        }
    }

    /// <summary>What a confirmation link names, or null when it names nothing (forged, or the entry was deleted).</summary>
    public async Task<(long Id, ConfirmationView View)?> ByTokenAsync(string token, CancellationToken cancellationToken)
    {
        if (keys.ReadId(TokenPurpose.ConfirmCareDelivery, token) is not { } id)
        {
            return null;
        }

        var view = await db.HelpRequests.AsNoTracking().Where(h => h.Id == id)
            .Select(h => new ConfirmationView(h.Kind, h.Entry!.Node!.Name, h.Entry.Node.NameEn, h.DeliveredAt, h.ConfirmedAt)).SingleOrDefaultAsync(cancellationToken);
        return view is null ? null : (id, view);
    }

    private async Task<long> RaiseAsync(CareEntry entry, HelpRequestBody body, Guid raisedBy, CancellationToken cancellationToken)
    {
        var errors = new List<SubmissionError>();
        if (!EnumNames.TryParse<HelpKind>(body.Kind, out var kind))
        {
            errors.Add(new("kind", "kind is provisions, medicine or ride"));
        }

        var note = PlainText.Check("note", body.Note, HelpRequest.MaxNote, required: false, errors);
        if (errors.Count > 0)
        {
            throw new SubmissionRejectedException(errors);
        }

        var assignee = await ChiefOfAsync(entry.NodePath, cancellationToken);
        var help = new HelpRequest
        {
            EntryId = entry.Id, Kind = kind, Note = note, NodeId = entry.NodeId, NodePath = entry.NodePath, AssigneeUserId = assignee,
            RaisedBy = raisedBy, RaisedAt = clock.GetUtcNow(),
        };
        db.HelpRequests.Add(help);
        if (assignee is { } chief)
        {
            // Names the help and the unit, never why the household is registered: others may read a chief's phone.
            var unit = await db.Nodes.AsNoTracking().Where(n => n.Id == entry.NodeId).Select(n => new { n.Name, n.NameEn }).SingleAsync(cancellationToken);
            await notifier.ToUsersAsync([chief], new Notice(NoticePurpose.Service, "新的帮助请求 A new help request",
                $"{unit.Name}有住户需要：{KindZh(kind)}。请在“关爱任务”中查看。\nA household in {unit.NameEn ?? unit.Name} needs: {KindEn(kind)}. See your care tasks.", "/work/care"), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return help.Id;
    }

    /// <summary>The unit's unit chief, else its building's building chief, else its grid's grid chief (as for campaign tasks).</summary>
    public async Task<Guid?> ChiefOfAsync(string unitPath, CancellationToken cancellationToken)
    {
        var codes = unitPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (codes.Length < 3)
        {
            return null;
        }

        (StaffRole Role, string Code)[] order = [(StaffRole.UnitChief, codes[^1]), (StaffRole.BuildingChief, codes[^2]), (StaffRole.GridChief, codes[^3])];
        var wanted = order.Select(o => o.Code).ToList();
        var chiefs = await db.RoleAssignments.AsNoTracking()
            .Where(a => RoleAssignment.Chiefs.Contains(a.Role) && a.Node != null && wanted.Contains(a.Node.Code))
            .OrderBy(a => a.Id).Select(a => new { a.Role, a.Node!.Code, a.UserId }).ToListAsync(cancellationToken);
        return order.Select(o => chiefs.FirstOrDefault(c => c.Role == o.Role && c.Code == o.Code)?.UserId).FirstOrDefault(id => id is not null);
    }

    private static string KindZh(HelpKind kind) => kind switch { HelpKind.Provisions => "生活物资", HelpKind.Medicine => "药品", _ => "出行接送" };

    private static string KindEn(HelpKind kind) => kind switch { HelpKind.Provisions => "provisions", HelpKind.Medicine => "medicine", _ => "a ride" };
}
