using Linli.Web.Features.People;
using Linli.Web.Infrastructure.Auth;

namespace Linli.Web.Features.Cases.Lifecycle;

/// <summary>Works out, from the signed-in person's usable roles, in which capacities they may act on a case.</summary>
public sealed class CaseAccess(CurrentUser currentUser, ScopeAuthorizer scope)
{
    public async Task<CaseActor> ActorForAsync(Case @case, CancellationToken cancellationToken = default)
    {
        var roles = (await currentUser.RolesAsync(cancellationToken)).Where(r => scope.IsUsable(r.Role)).ToList();
        bool Covers(HeldRole r) => r.NodePath is not null && @case.GridPath.StartsWith(r.NodePath, StringComparison.Ordinal);

        var handling = roles.Where(r =>
            (@case.AssignedDepartmentId is not null && r.Role == StaffRole.DepartmentHandler && r.DepartmentId == @case.AssignedDepartmentId) ||
            (@case.AssignedRole is not null && r.Role == @case.AssignedRole && Covers(r))).ToList();
        var dispatching = roles.Where(r => RolePermissions.Allows(r.Role, Permission.DispatchCases) && Covers(r)).ToList();
        var verifying = roles.Where(r => r.Role == StaffRole.GridChief && Covers(r)).ToList();
        var acting = handling.Concat(dispatching).Concat(verifying).FirstOrDefault();

        return new CaseActor(currentUser.Id, currentUser.Name, acting is null ? "none" : $"{acting.Role}@{acting.NodeCode ?? acting.DepartmentId?.ToString(System.Globalization.CultureInfo.InvariantCulture)}")
        {
            IsReporter = currentUser.Id is not null && currentUser.Id == @case.ReporterUserId,
            IsHandler = handling.Count > 0,
            IsDispatcher = dispatching.Count > 0,
            IsVerifier = verifying.Count > 0 || dispatching.Count > 0,
        };
    }
}
