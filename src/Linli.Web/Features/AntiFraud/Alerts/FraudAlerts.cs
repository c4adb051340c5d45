using System.Security.Cryptography;
using System.Text;
using Linli.Web.Data;
using Linli.Web.Features.AntiFraud.Orders;
using Linli.Web.Features.Audit;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.AntiFraud.Alerts;

/// <summary>
/// Turns a partner's alert into a dissuasion order for its community: checked field by field (nothing stored on
/// refusal), routed to the community's workers and police officer with a deadline by risk, and told to them through
/// the outbox without any of the person's details.
/// </summary>
public sealed class FraudAlerts(LinliDb db, CurrentUser currentUser, OrderAccess access, AuditLog audit, TimeProvider clock, IOptions<AntiFraudOptions> options)
{
    public async Task<RaisedOrder> RaiseAsync(RaiseAlertRequest request, CancellationToken cancellationToken = default)
    {
        var partnerIds = await access.RaisingPartnersAsync(cancellationToken);
        if (partnerIds.Count == 0 || currentUser.Id is not { } userId)
        {
            throw new DomainRuleException("partner", "Only staff of an anti-fraud alliance partner raise alerts.", StatusCodes.Status403Forbidden);
        }

        var errors = new List<FieldError>();
        var community = await CheckAsync(request, errors, cancellationToken);
        if (errors.Count > 0 || community.Node is null)
        {
            throw new AlertRejectedException(errors);
        }

        var node = community.Node;
        var partnerId = await db.AllianceMemberships.AsNoTracking()
            .Where(m => m.CommunityNodeId == node.Id && partnerIds.Contains(m.PartnerId)).OrderBy(m => m.PartnerId)
            .Select(m => (int?)m.PartnerId).FirstOrDefaultAsync(cancellationToken);
        if (partnerId is null)
        {
            throw new DomainRuleException("communityCode", $"Your organisation is not in the anti-fraud alliance of community {node.Code}.", StatusCodes.Status403Forbidden);
        }

        var key = HashKey(request.RequestKey, userId);
        if (key is not null && await ExistingAsync(key, partnerId.Value, cancellationToken) is { } existing)
        {
            return existing;
        }

        AlertRules.TryPhone(request.Phone, out var phone);
        AlertRules.TryRisk(request.Risk, out var risk);
        var name = request.Name!.Trim();
        var address = AlertRules.Trimmed(request.Address);
        var now = clock.GetUtcNow();
        var order = new DissuasionOrder
        {
            PartnerId = partnerId.Value,
            RaisedByUserId = userId,
            RaisedByName = currentUser.Name,
            RaisedAt = now,
            CommunityNodeId = node.Id,
            CommunityPath = node.Path,
            PersonName = name,
            Phone = phone,
            UnitNodeId = community.UnitId,
            UnitCode = community.UnitId is null ? null : request.UnitCode!.Trim(),
            Address = address,
            Seen = request.Seen!.Trim(),
            Risk = risk,
            AmountAtRisk = request.AmountAtRisk is { } amount ? (long)amount : null,
            IsRepeatTarget = await IsRepeatAsync(node.Id, phone, name, community.UnitId, address, cancellationToken),
            DueAt = now + options.Value.LimitFor(risk),
            State = DissuasionState.Open,
            ClientRequestKey = key,
        };
        order.Events.Add(new DissuasionEvent { At = now, Kind = DissuasionEventKind.Raised, ActorUserId = userId, ActorName = currentUser.Name, ActorRole = $"PartnerStaff@partner:{partnerId}" });
        db.DissuasionOrders.Add(order);

        // The order, its audit entry and the notices commit together.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (key is not null)
            {
                // A retry of the same form raced this one; the unique key let the first through.
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return await ExistingAsync(key, partnerId.Value, cancellationToken) ?? throw new InvalidOperationException("The alert's request key clashed but no order holds it.");
            }

            await audit.RecordAsync(AuditAction.Create, "dissuasion order: raised by alliance partner",
                [new AuditedRecord(OrderQueries.RecordType, order.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, node.Path)], cancellationToken);
            db.Outbox.AddRange(await AntiFraudNotices.NewOrderAsync(db, order, node, cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return new RaisedOrder(order.Id, node.Code, risk.ToString(), order.DueAt, order.State.ToString(), Created: true);
    }

    /// <summary>The communities where the signed-in person's partner may raise alerts, for the form's choice.</summary>
    public async Task<IReadOnlyList<AllianceCommunity>> CommunitiesAsync(CancellationToken cancellationToken = default)
    {
        var partnerIds = await access.RaisingPartnersAsync(cancellationToken);
        if (partnerIds.Count == 0)
        {
            return [];
        }

        return await db.AllianceMemberships.AsNoTracking().Where(m => partnerIds.Contains(m.PartnerId))
            .OrderBy(m => m.Community!.Code)
            .Select(m => new AllianceCommunity(m.Community!.Code, m.Community.Name, m.Community.NameEn, m.Partner!.Name))
            .Distinct().ToListAsync(cancellationToken);
    }

    private sealed record CheckedPlace(TreeNode? Node, int? UnitId);

    private async Task<CheckedPlace> CheckAsync(RaiseAlertRequest request, List<FieldError> errors, CancellationToken cancellationToken)
    {
        TreeNode? node = null;
        if (string.IsNullOrWhiteSpace(request.CommunityCode))
        {
            errors.Add(new("communityCode", "communityCode is required"));
        }
        else
        {
            var code = request.CommunityCode.Trim();
            node = await db.Nodes.AsNoTracking().FirstOrDefaultAsync(n => n.Code == code && n.Kind == NodeKind.Community, cancellationToken);
            if (node is null)
            {
                errors.Add(new("communityCode", $"no community has the code '{code}'"));
            }
        }

        Add(errors, "name", AlertRules.Text(request.Name, AlertLimits.Name, required: true, "name"));
        if (string.IsNullOrWhiteSpace(request.Phone))
        {
            errors.Add(new("phone", "phone is required"));
        }
        else if (!AlertRules.TryPhone(request.Phone, out _))
        {
            errors.Add(new("phone", "phone must be a mobile number (11 digits), a landline with its area code, or +country number"));
        }

        int? unitId = null;
        if (!string.IsNullOrWhiteSpace(request.UnitCode))
        {
            var unitCode = request.UnitCode.Trim();
            var unit = await db.Nodes.AsNoTracking().Where(n => n.Code == unitCode && n.Kind == NodeKind.Unit).Select(n => new { n.Id, n.Path }).FirstOrDefaultAsync(cancellationToken);
            if (unit is null || (node is not null && !unit.Path.StartsWith(node.Path, StringComparison.Ordinal)))
            {
                errors.Add(new("unitCode", $"no unit '{unitCode}' in this community"));
            }
            else
            {
                unitId = unit.Id;
            }
        }

        Add(errors, "address", AlertRules.Text(request.Address, AlertLimits.Address, required: false, "address"));
        if (string.IsNullOrWhiteSpace(request.UnitCode) && string.IsNullOrWhiteSpace(request.Address))
        {
            errors.Add(new("address", "give the unit code or the address where the person lives"));
        }

        if (string.IsNullOrWhiteSpace(request.Risk))
        {
            errors.Add(new("risk", "risk is required: high, medium or low"));
        }
        else if (!AlertRules.TryRisk(request.Risk, out _))
        {
            errors.Add(new("risk", "risk must be high, medium or low"));
        }

        Add(errors, "seen", AlertRules.Text(request.Seen, AlertLimits.Text, required: true, "seen (what was seen)"));
        Add(errors, "amountAtRisk", AlertRules.Amount(request.AmountAtRisk, "amountAtRisk"));
        if (request.RequestKey is { Length: > 100 })
        {
            errors.Add(new("requestKey", "requestKey is at most 100 characters"));
        }

        return new CheckedPlace(node, unitId);
    }

    private static void Add(List<FieldError> errors, string field, string? message)
    {
        if (message is not null)
        {
            errors.Add(new(field, message));
        }
    }

    /// <summary>The same phone, or the same name at the same unit or address, in an earlier order of the community.</summary>
    private Task<bool> IsRepeatAsync(int communityId, string phone, string name, int? unitId, string? address, CancellationToken cancellationToken) =>
        db.DissuasionOrders.AsNoTracking().AnyAsync(o => o.CommunityNodeId == communityId &&
            (o.Phone == phone || (o.PersonName == name && ((unitId != null && o.UnitNodeId == unitId) || (address != null && o.Address == address)))), cancellationToken);

    private async Task<RaisedOrder?> ExistingAsync(string key, int partnerId, CancellationToken cancellationToken) =>
        await db.DissuasionOrders.AsNoTracking().Where(o => o.ClientRequestKey == key && o.PartnerId == partnerId)
            .Select(o => new { o.Id, o.CommunityPath, o.Risk, o.DueAt, o.State }).FirstOrDefaultAsync(cancellationToken) is { } o
            ? new RaisedOrder(o.Id, o.CommunityPath.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1], o.Risk.ToString(), o.DueAt, o.State.ToString(), Created: false)
            : null;

    /// <summary>Hashed with the user's id, so one person's key can never find another's order.</summary>
    private static string? HashKey(string? key, Guid userId) =>
        string.IsNullOrWhiteSpace(key) ? null : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{userId:N}:{key.Trim()}")));
}

public sealed record AllianceCommunity(string Code, string Name, string? NameEn, string PartnerName);
