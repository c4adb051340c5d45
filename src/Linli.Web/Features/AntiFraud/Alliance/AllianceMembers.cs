using Linli.Web.Data;
using Linli.Web.Features.AntiFraud.Alerts;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.AntiFraud.Alliance;

public sealed record AddMemberRequest(int? PartnerId, string? CommunityCode);

public sealed record AllianceMember(int Id, int PartnerId, string PartnerName, string PartnerType, string CommunityCode, string CommunityName, string? CommunityNameEn, DateTimeOffset JoinedAt);

/// <summary>
/// Who is in the anti-fraud alliance of which community. Managed over the community by its workers and police officer,
/// and by street staff and administrators of the subtree (<see cref="Permission.ManageAntiFraudAlliance"/>).
/// </summary>
public sealed class AllianceMembers(LinliDb db, ScopeAuthorizer scope, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<IReadOnlyList<AllianceMember>> ListAsync(string nodeCode, CancellationToken cancellationToken = default)
    {
        var node = await ManagedNodeAsync(nodeCode, "node", cancellationToken);
        return await db.AllianceMemberships.AsNoTracking().Where(m => m.Community!.Path.StartsWith(node.Path))
            .OrderBy(m => m.Community!.Code).ThenBy(m => m.Partner!.Name)
            .Select(m => new AllianceMember(m.Id, m.PartnerId, m.Partner!.Name, m.Partner.Type.ToString(), m.Community!.Code, m.Community.Name, m.Community.NameEn, m.JoinedAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<AllianceMember> AddAsync(AddMemberRequest request, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        if (request.PartnerId is null)
        {
            errors.Add(new("partnerId", "partnerId is required"));
        }

        if (string.IsNullOrWhiteSpace(request.CommunityCode))
        {
            errors.Add(new("communityCode", "communityCode is required"));
        }

        if (errors.Count > 0)
        {
            throw new AlertRejectedException(errors);
        }

        var community = await ManagedNodeAsync(request.CommunityCode!, "communityCode", cancellationToken);
        if (community.Kind != NodeKind.Community)
        {
            throw new AlertRejectedException([new("communityCode", $"{community.Code} is a {community.Kind.ToWire()}; alliance membership is per community")]);
        }

        var partner = await db.Partners.AsNoTracking().Where(p => p.Id == request.PartnerId).Select(p => new { p.Id, p.Name, p.Type }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new AlertRejectedException([new("partnerId", $"no partner organisation {request.PartnerId}")]);
        if (await db.AllianceMemberships.AnyAsync(m => m.PartnerId == partner.Id && m.CommunityNodeId == community.Id, cancellationToken))
        {
            throw new DomainRuleException("partnerId", $"{partner.Name} is already in the alliance of {community.Code}.", StatusCodes.Status409Conflict);
        }

        var membership = new AllianceMembership { PartnerId = partner.Id, CommunityNodeId = community.Id, JoinedAt = clock.GetUtcNow(), AddedBy = currentUser.Id };
        db.AllianceMemberships.Add(membership);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            throw new DomainRuleException("partnerId", $"{partner.Name} is already in the alliance of {community.Code}.", StatusCodes.Status409Conflict);
        }

        return new AllianceMember(membership.Id, partner.Id, partner.Name, partner.Type.ToString(), community.Code, community.Name, community.NameEn, membership.JoinedAt);
    }

    /// <summary>Ends a membership; the partner's staff then no longer raise alerts there nor see the orders they raised there.</summary>
    public async Task<bool> RemoveAsync(int id, CancellationToken cancellationToken = default)
    {
        var path = await db.AllianceMemberships.AsNoTracking().Where(m => m.Id == id).Select(m => m.Community!.Path).FirstOrDefaultAsync(cancellationToken);
        if (path is null)
        {
            return false;
        }

        if (!await scope.CanAsync(Permission.ManageAntiFraudAlliance, path, cancellationToken))
        {
            throw new DomainRuleException("id", "This membership is outside the part of the tree you manage.", StatusCodes.Status403Forbidden);
        }

        await db.AllianceMemberships.Where(m => m.Id == id).ExecuteDeleteAsync(cancellationToken);
        return true;
    }

    /// <summary>The node, when it exists (404) and the caller manages the alliance there (403).</summary>
    public async Task<TreeNode> ManagedNodeAsync(string code, string field, CancellationToken cancellationToken)
    {
        var trimmed = code.Trim();
        var node = await db.Nodes.AsNoTracking().FirstOrDefaultAsync(n => n.Code == trimmed, cancellationToken)
            ?? throw new DomainRuleException(field, $"No node has the code '{trimmed}'.", StatusCodes.Status404NotFound);
        if (!await scope.CanAsync(Permission.ManageAntiFraudAlliance, node.Path, cancellationToken))
        {
            throw new DomainRuleException(field, $"{trimmed} is outside the part of the tree where you manage the anti-fraud alliance.", StatusCodes.Status403Forbidden);
        }

        return node;
    }
}
