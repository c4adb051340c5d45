using Linli.Web.Data;
using Linli.Web.Features.Campaigns;
using Linli.Web.Features.People;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Care;

/// <summary>
/// Who may see care entries. Workers holding <see cref="Permission.ManageCareRegister"/> see their subtree's register.
/// A chief sees only the entries of units they hold, and only while an open task that needs the register is at that unit
/// in an active campaign, or while a help request of that entry is theirs. Anyone holding a police role sees nothing.
/// </summary>
public sealed class CareAccess(LinliDb db, CurrentUser currentUser, ScopeAuthorizer scope, TimeProvider clock)
{
    public Guid RequireUser() => currentUser.Id ?? throw new DomainRuleException("user", "sign in first", StatusCodes.Status401Unauthorized);

    public async Task<bool> HoldsPoliceRoleAsync(CancellationToken cancellationToken) =>
        (await currentUser.RolesAsync(cancellationToken)).Any(r => r.Role == StaffRole.CommunityPolice);

    public async Task<bool> CanManageAsync(string nodePath, CancellationToken cancellationToken) =>
        !await HoldsPoliceRoleAsync(cancellationToken) && await scope.CanAsync(Permission.ManageCareRegister, nodePath, cancellationToken);

    public async Task RequireManageAsync(string nodePath, CancellationToken cancellationToken)
    {
        if (!await CanManageAsync(nodePath, cancellationToken))
        {
            throw new DomainRuleException("node", "Only community workers, street staff and administrators over this unit manage its care register.", StatusCodes.Status403Forbidden);
        }
    }

    /// <summary>The outermost node paths where the caller manages the register.</summary>
    public async Task<IReadOnlyList<string>> ManagedPathsAsync(CancellationToken cancellationToken) =>
        await HoldsPoliceRoleAsync(cancellationToken)
            ? []
            : ScopePaths.Outermost((await scope.RolesGrantingAsync(Permission.ManageCareRegister, cancellationToken)).Select(r => r.NodePath).OfType<string>());

    /// <summary>Whether the caller may mark a help request at this unit delivered: its assignee, or one doing campaign tasks over it.</summary>
    public async Task<bool> CanDeliverAsync(Guid? assignee, string unitPath, CancellationToken cancellationToken) =>
        !await HoldsPoliceRoleAsync(cancellationToken)
        && ((assignee is not null && assignee == currentUser.Id) || await scope.CanAsync(Permission.DoCampaignTasks, unitPath, cancellationToken));

    /// <summary>
    /// The ids of the units (within the chief roles the caller holds) whose care entries the caller may read now,
    /// because an open task needing the register is at that unit in an active campaign.
    /// </summary>
    public async Task<IReadOnlyList<int>> UnitsOpenToChiefAsync(CancellationToken cancellationToken)
    {
        if (await HoldsPoliceRoleAsync(cancellationToken))
        {
            return [];
        }

        var held = (await currentUser.RolesAsync(cancellationToken)).Where(r => RoleAssignment.Chiefs.Contains(r.Role) && scope.IsUsable(r.Role)).Select(r => r.NodePath).OfType<string>();
        var paths = ScopePaths.Outermost(held);
        if (paths.Count == 0)
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var kinds = Enum.GetValues<CampaignTaskKind>().Where(CampaignTask.NeedsCareRegister).ToList();
        var units = new List<int>();
        foreach (var path in paths)
        {
            units.AddRange(await db.CampaignTasks.AsNoTracking()
                .Where(t => t.Status == CampaignTaskStatus.Open && kinds.Contains(t.Kind) && t.NodePath.StartsWith(path))
                .Where(t => t.Campaign!.Status == CampaignStatus.Active && t.Campaign.StartsAt <= now && (t.Campaign.EndsAt == null || t.Campaign.EndsAt > now))
                .Select(t => t.NodeId).Distinct().ToListAsync(cancellationToken));
        }

        return [.. units.Distinct()];
    }
}
