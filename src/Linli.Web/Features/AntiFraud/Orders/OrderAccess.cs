using Linli.Web.Data;
using Linli.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.AntiFraud.Orders;

/// <summary>In which capacities the signed-in person stands towards one order.</summary>
public sealed record OrderViewer(bool IsHandler, bool IsSupervisor, bool IsRaisingPartner, string ActingAs)
{
    public bool MaySee => IsHandler || IsSupervisor || IsRaisingPartner;

    /// <summary>Visits and closing are for the community's handlers, and for supervisors once the order is escalated to them.</summary>
    public bool MayAct => IsHandler || IsSupervisor;

    public string Purpose => IsHandler ? "dissuasion order: handler" : IsSupervisor ? "dissuasion order: escalation supervisor" : "dissuasion order: raising partner";
}

/// <summary>What an order needs for the access rule.</summary>
public sealed record OrderScope(string CommunityPath, int CommunityNodeId, int EscalationLevel, int PartnerId);

/// <summary>
/// The one access rule for dissuasion orders: the community's workers and police officer (handlers, over the
/// community), street staff and administrators over it once it is escalated (supervisors), and the staff of the partner
/// that raised it while that partner is still an alliance member there. Nobody else — not other partners, not other areas.
/// </summary>
public sealed class OrderAccess(CurrentUser currentUser, ScopeAuthorizer scope, LinliDb db)
{
    public async Task<OrderViewer> ViewerAsync(OrderScope order, CancellationToken cancellationToken = default)
    {
        var roles = (await currentUser.RolesAsync(cancellationToken)).Where(r => scope.IsUsable(r.Role)).ToList();
        bool Covers(HeldRole r) => r.NodePath is not null && order.CommunityPath.StartsWith(r.NodePath, StringComparison.Ordinal);

        var handling = roles.FirstOrDefault(r => RolePermissions.Allows(r.Role, Permission.HandleDissuasionOrders) && Covers(r));
        var supervising = order.EscalationLevel > 0
            ? roles.FirstOrDefault(r => RolePermissions.Allows(r.Role, Permission.SuperviseDissuasionOrders) && Covers(r))
            : null;
        var partnerRole = roles.FirstOrDefault(r => RolePermissions.Allows(r.Role, Permission.RaiseFraudAlerts) && r.PartnerId == order.PartnerId);
        var isPartner = partnerRole is not null && await db.AllianceMemberships.AnyAsync(
            m => m.PartnerId == order.PartnerId && m.CommunityNodeId == order.CommunityNodeId, cancellationToken);

        var acting = handling ?? supervising ?? (isPartner ? partnerRole : null);
        return new OrderViewer(handling is not null, supervising is not null, isPartner, acting is null ? "none" : Describe(acting));
    }

    public static string Describe(HeldRole role) =>
        $"{role.Role}@{role.NodeCode ?? (role.PartnerId is { } p ? "partner:" + p.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-")}";

    /// <summary>Where the person may see orders, for lists: handler and supervisor node paths, and partner ids.</summary>
    public async Task<(IReadOnlyList<string> HandlerPaths, IReadOnlyList<string> SupervisorPaths, IReadOnlyList<int> PartnerIds)> ScopesAsync(CancellationToken cancellationToken = default)
    {
        var roles = (await currentUser.RolesAsync(cancellationToken)).Where(r => scope.IsUsable(r.Role)).ToList();
        return (
            [.. roles.Where(r => r.NodePath is not null && RolePermissions.Allows(r.Role, Permission.HandleDissuasionOrders)).Select(r => r.NodePath!).Distinct()],
            [.. roles.Where(r => r.NodePath is not null && RolePermissions.Allows(r.Role, Permission.SuperviseDissuasionOrders)).Select(r => r.NodePath!).Distinct()],
            [.. roles.Where(r => r.PartnerId is not null && RolePermissions.Allows(r.Role, Permission.RaiseFraudAlerts)).Select(r => r.PartnerId!.Value).Distinct()]);
    }

    /// <summary>The partner the signed-in person raises alerts for (the first, when they work for several).</summary>
    public async Task<IReadOnlyList<int>> RaisingPartnersAsync(CancellationToken cancellationToken = default) =>
        (await ScopesAsync(cancellationToken)).PartnerIds;
}
