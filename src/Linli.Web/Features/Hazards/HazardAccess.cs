using Linli.Web.Features.People;
using Linli.Web.Infrastructure.Auth;

namespace Linli.Web.Features.Hazards;

/// <summary>
/// Who may do what with hazards: recording and seeing them needs <see cref="Permission.ReportHazards"/> over the place,
/// acting on them <see cref="Permission.ManageHazards"/>. Every role that manages also reports, so whoever acts also sees.
/// </summary>
public sealed class HazardAccess(ScopeAuthorizer scope)
{
    public Task<bool> MaySeeAsync(string nodePath, CancellationToken cancellationToken = default) =>
        scope.CanAsync(Permission.ReportHazards, nodePath, cancellationToken);

    public Task<bool> MayManageAsync(string nodePath, CancellationToken cancellationToken = default) =>
        scope.CanAsync(Permission.ManageHazards, nodePath, cancellationToken);

    /// <summary>The node paths under which the signed-in person sees hazards, none inside another.</summary>
    public async Task<IReadOnlyList<string>> VisiblePathsAsync(CancellationToken cancellationToken = default) =>
        ScopePaths.Outermost((await scope.RolesGrantingAsync(Permission.ReportHazards, cancellationToken)).Where(r => r.NodePath is not null).Select(r => r.NodePath!));

    public async Task<bool> MayManageAnywhereAsync(CancellationToken cancellationToken = default) =>
        (await scope.RolesGrantingAsync(Permission.ManageHazards, cancellationToken)).Any(r => r.NodePath is not null);

    /// <summary>The finder's source, from the role in which they record at the place: an officer before a chief before a worker.</summary>
    public async Task<HazardSource?> SourceAtAsync(string nodePath, CancellationToken cancellationToken = default)
    {
        var covering = (await scope.RolesGrantingAsync(Permission.ReportHazards, cancellationToken))
            .Where(r => r.NodePath is not null && nodePath.StartsWith(r.NodePath, StringComparison.Ordinal))
            .Select(r => SourceOf(r.Role)).ToList();
        return covering.Count == 0 ? null : covering.Min();
    }

    public static HazardSource SourceOf(StaffRole role) => role switch
    {
        StaffRole.CommunityPolice => HazardSource.Officer,
        StaffRole.GridChief or StaffRole.BuildingChief or StaffRole.UnitChief => HazardSource.Chief,
        StaffRole.CommunityWorker => HazardSource.CommunityWorker,
        _ => HazardSource.Staff,
    };
}
