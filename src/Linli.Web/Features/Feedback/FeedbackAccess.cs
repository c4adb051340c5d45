using Linli.Web.Data;
using Linli.Web.Features.Departments;
using Linli.Web.Features.People;
using Linli.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Feedback;

/// <summary>The units the signed-in person speaks for: office roots by path and departments by id.</summary>
public sealed record SpokenUnits(IReadOnlyList<string> OfficeRoots, IReadOnlyList<int> DepartmentIds)
{
    public bool Any => OfficeRoots.Count > 0 || DepartmentIds.Count > 0;

    public bool Covers(FeedbackUnitKey unit, string unitPath) => unit.DepartmentId is { } d
        ? DepartmentIds.Contains(d)
        : OfficeRoots.Any(r => unitPath.StartsWith(r, StringComparison.Ordinal));
}

/// <summary>
/// Who speaks for a unit: for a street or community office, staff with <see cref="Permission.SpeakForUnit"/> held at
/// the office's node or above it; for a department, its department handlers, and for a police station also the
/// community officers of the areas it covers. Moderation is <see cref="Permission.ModerateFeedback"/> over the unit's area.
/// </summary>
public sealed class FeedbackAccess(LinliDb db, CurrentUser currentUser, ScopeAuthorizer scope)
{
    private SpokenUnits? _spoken;

    public Guid? UserId => currentUser.Id;

    public async Task<SpokenUnits> SpokenAsync(CancellationToken cancellationToken)
    {
        if (_spoken is not null)
        {
            return _spoken;
        }

        var roles = (await currentUser.RolesAsync(cancellationToken)).Where(r => scope.IsUsable(r.Role)).ToList();
        var officeRoots = roles.Where(r => RolePermissions.Allows(r.Role, Permission.SpeakForUnit) && r.NodePath is not null)
            .Select(r => r.NodePath!).Distinct().ToList();
        var departments = roles.Where(r => r.Role == StaffRole.DepartmentHandler && r.DepartmentId is not null).Select(r => r.DepartmentId!.Value).ToList();
        var officerPaths = roles.Where(r => r.Role == StaffRole.CommunityPolice && r.NodePath is not null).Select(r => r.NodePath!).ToList();
        if (officerPaths.Count > 0)
        {
            var stations = await PoliceStations.ListAsync(db, cancellationToken);
            departments.AddRange(stations.Where(s => s.AreaPaths.Any(a => officerPaths.Any(p => p.StartsWith(a, StringComparison.Ordinal)))).Select(s => s.Id));
        }

        _spoken = new SpokenUnits(ScopePaths.Outermost(officeRoots), [.. departments.Distinct()]);
        return _spoken;
    }

    public async Task<bool> SpeaksForAsync(FeedbackUnitKey unit, string unitPath, CancellationToken cancellationToken) =>
        (await SpokenAsync(cancellationToken)).Covers(unit, unitPath);

    public Task<bool> ModeratesAsync(string unitPath, CancellationToken cancellationToken) =>
        scope.CanAsync(Permission.ModerateFeedback, unitPath, cancellationToken);

    /// <summary>The area paths the signed-in person moderates.</summary>
    public async Task<IReadOnlyList<string>> ModeratedRootsAsync(CancellationToken cancellationToken) =>
        ScopePaths.Outermost([.. (await scope.RolesGrantingAsync(Permission.ModerateFeedback, cancellationToken)).Where(r => r.NodePath is not null).Select(r => r.NodePath!)]);
}
