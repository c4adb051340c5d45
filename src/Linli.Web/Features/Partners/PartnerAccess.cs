using Linli.Web.Data;
using Linli.Web.Features.People;
using Linli.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Partners;

/// <summary>
/// Who may act on a partner. Staff manage a partner when their scope covers every area it serves (as for departments),
/// and see it or score it when their scope covers one of them; partner staff edit their own partner's offers.
/// </summary>
public sealed class PartnerAccess(LinliDb db, ScopeAuthorizer scope, CurrentUser currentUser)
{
    public async Task<List<string>> ServedPathsAsync(int partnerId, CancellationToken cancellationToken)
    {
        if (!await db.Partners.AnyAsync(p => p.Id == partnerId, cancellationToken))
        {
            throw PartnerRules.NotFound("id", $"partner {partnerId}");
        }

        return await db.PartnerAreas.AsNoTracking().Where(a => a.PartnerId == partnerId).Select(a => a.Node!.Path).ToListAsync(cancellationToken);
    }

    public async Task EnsureCanManageAsync(int partnerId, CancellationToken cancellationToken)
    {
        if (!await CanManageAsync(partnerId, cancellationToken))
        {
            throw PartnerRules.Forbidden("id", "This partner also serves areas outside your part of the tree, or none of it.");
        }
    }

    public async Task<bool> CanManageAsync(int partnerId, CancellationToken cancellationToken)
    {
        var paths = await ServedPathsAsync(partnerId, cancellationToken);
        if (paths.Count == 0)
        {
            return false;
        }

        foreach (var path in paths)
        {
            if (!await scope.CanAsync(Permission.ManagePartners, path, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    public async Task EnsureCanSeeAsync(int partnerId, CancellationToken cancellationToken)
    {
        var paths = await ServedPathsAsync(partnerId, cancellationToken);
        foreach (var path in paths)
        {
            if (await scope.CanAsync(Permission.ManagePartners, path, cancellationToken))
            {
                return;
            }
        }

        throw PartnerRules.Forbidden("id", "This partner serves no part of the tree you work in.");
    }

    public async Task EnsureCanEditOffersAsync(int partnerId, CancellationToken cancellationToken)
    {
        if (!await IsStaffOfAsync(partnerId, cancellationToken) && !await CanManageAsync(partnerId, cancellationToken))
        {
            throw PartnerRules.Forbidden("id", "Only the partner's own staff, or staff whose area covers all it serves, edit its offers.");
        }
    }

    public async Task<bool> IsStaffOfAsync(int partnerId, CancellationToken cancellationToken) =>
        (await currentUser.RolesAsync(cancellationToken)).Any(r => r.Role == StaffRole.PartnerStaff && r.PartnerId == partnerId && scope.IsUsable(r.Role));

    /// <summary>The node paths where the caller may manage partners, for lists filtered by scope.</summary>
    public async Task<List<string>> ManagedRootsAsync(CancellationToken cancellationToken) =>
        [.. (await scope.RolesGrantingAsync(Permission.ManagePartners, cancellationToken)).Where(r => r.NodePath is not null).Select(r => r.NodePath!).Distinct()];

    public async Task<List<int>> OwnPartnerIdsAsync(CancellationToken cancellationToken) =>
        [.. (await currentUser.RolesAsync(cancellationToken)).Where(r => r.Role == StaffRole.PartnerStaff && r.PartnerId is not null && scope.IsUsable(r.Role)).Select(r => r.PartnerId!.Value)];
}
