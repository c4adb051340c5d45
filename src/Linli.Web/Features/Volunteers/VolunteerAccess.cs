using Linli.Web.Features.People;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;

namespace Linli.Web.Features.Volunteers;

/// <summary>
/// Who runs an association: its leader, and community workers, street staff and administrators over its community
/// (<see cref="Permission.ManageVolunteers"/>). Anyone holding a police role is refused, even as a leader: rosters
/// never reach a policing view.
/// </summary>
public sealed class VolunteerAccess(CurrentUser currentUser, ScopeAuthorizer scope)
{
    public Guid? UserId => currentUser.Id;

    public Guid RequireUser() => currentUser.Id ?? throw new DomainRuleException("user", "sign in first", StatusCodes.Status401Unauthorized);

    public async Task<bool> CanManageAsync(Guid? leaderUserId, string communityPath, CancellationToken cancellationToken)
    {
        if (await HoldsPoliceRoleAsync(cancellationToken))
        {
            return false;
        }

        return (leaderUserId is not null && leaderUserId == currentUser.Id) || await scope.CanAsync(Permission.ManageVolunteers, communityPath, cancellationToken);
    }

    public async Task RequireManageAsync(Guid? leaderUserId, string communityPath, CancellationToken cancellationToken)
    {
        if (!await CanManageAsync(leaderUserId, communityPath, cancellationToken))
        {
            throw Forbidden();
        }
    }

    /// <summary>Staff rights over the community (creating associations, naming leaders, setting targets); a leader has none.</summary>
    public async Task RequireStaffAsync(string communityPath, CancellationToken cancellationToken)
    {
        if (await HoldsPoliceRoleAsync(cancellationToken) || !await scope.CanAsync(Permission.ManageVolunteers, communityPath, cancellationToken))
        {
            throw Forbidden();
        }
    }

    public Task<bool> IsStaffAsync(string communityPath, CancellationToken cancellationToken) =>
        scope.CanAsync(Permission.ManageVolunteers, communityPath, cancellationToken);

    private async Task<bool> HoldsPoliceRoleAsync(CancellationToken cancellationToken) =>
        (await currentUser.RolesAsync(cancellationToken)).Any(r => r.Role == StaffRole.CommunityPolice);

    private static DomainRuleException Forbidden() =>
        new("association", "Only the association's leader, or community staff over its community, may do this.", StatusCodes.Status403Forbidden);
}
