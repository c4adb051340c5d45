using Linli.Web.Data;
using Linli.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Linli.Web.Infrastructure;

namespace Linli.Web.Features.People;

/// <summary>Where a requested role would be held, checked against the granter's own scope.</summary>
public sealed record ResolvedGrant(StaffRole Role, int? NodeId, string? NodeCode, string? NodeName, int? DepartmentId, string? DepartmentCode, int? PartnerId, string? ScopePath);

public sealed class RoleGrants(LinliDb db, ScopeAuthorizer scope)
{
    /// <summary>Resolves the request or returns (field, message) for a 400; a null grant with no error means forbidden.</summary>
    public async Task<(ResolvedGrant? Grant, string? Field, string? Error)> ResolveAsync(GrantRoleRequest? request, CancellationToken cancellationToken)
    {
        if (request is null || !EnumNames.TryParse<StaffRole>(request.Role, out var role))
        {
            return (null, "role", $"unknown role '{request?.Role}'; expected one of {string.Join(", ", Enum.GetNames<StaffRole>())}");
        }

        if (RoleAssignment.IsHeldAtDepartment(role))
        {
            var department = await db.Departments.AsNoTracking().Where(d => d.Code == request.DepartmentCode)
                .Select(d => new { d.Id, d.Code, Paths = d.Areas.Select(a => a.Node!.Path).ToList() }).FirstOrDefaultAsync(cancellationToken);
            if (department is null)
            {
                return (null, "departmentCode", $"unknown department '{request.DepartmentCode}'");
            }

            // A department handler may be appointed only by someone whose scope covers every area the department serves.
            foreach (var path in department.Paths)
            {
                if (!await scope.CanAsync(Permission.ManageStaff, path, cancellationToken))
                {
                    return (null, null, null);
                }
            }

            return (department.Paths.Count == 0 ? null : new ResolvedGrant(role, null, null, null, department.Id, department.Code, null, null), "departmentCode",
                department.Paths.Count == 0 ? "the department covers no area yet" : null);
        }

        if (RoleAssignment.IsHeldAtPartner(role))
        {
            if (request.PartnerId is not { } partnerId || !await db.Partners.AnyAsync(p => p.Id == partnerId, cancellationToken))
            {
                return (null, "partnerId", "unknown partner organisation");
            }

            var admins = await scope.RolesGrantingAsync(Permission.ManageStaff, cancellationToken);
            return admins.Count == 0 ? (null, null, null) : (new ResolvedGrant(role, null, null, null, null, null, partnerId, null), null, null);
        }

        var node = await db.Nodes.AsNoTracking().Where(n => n.Code == request.NodeCode)
            .Select(n => new { n.Id, n.Code, n.Name, n.Path }).FirstOrDefaultAsync(cancellationToken);
        if (node is null)
        {
            return (null, "nodeCode", $"unknown node '{request.NodeCode}'");
        }

        return await scope.CanAsync(Permission.ManageStaff, node.Path, cancellationToken)
            ? (new ResolvedGrant(role, node.Id, node.Code, node.Name, null, null, null, node.Path), null, null)
            : (null, null, null);
    }
}
