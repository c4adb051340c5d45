using Linli.Web.Data;
using Linli.Web.Features.People;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Cases.Dispatch;

/// <summary>Who a case goes to: a department, or a role held at the grid or the nearest node above it.</summary>
public sealed record DispatchTarget(int? DepartmentId, StaffRole? Role, int? NodeId, string Describe);

/// <summary>
/// The automatic dispatch rules: a department that lists the category and covers the place (the deepest area wins),
/// then the category's own department if it covers the place, then the category's grid role at the nearest node where
/// someone holds it. What no rule matches waits in the manual queue.
/// </summary>
public static class DispatchRules
{
    public static async Task<DispatchTarget?> FindAsync(LinliDb db, CaseCategory category, string gridPath, CancellationToken cancellationToken)
    {
        var ancestorCodes = gridPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var nodes = await db.Nodes.AsNoTracking().Where(n => ancestorCodes.Contains(n.Code))
            .Select(n => new { n.Id, n.Code, n.Depth }).ToListAsync(cancellationToken);
        var depthOf = nodes.ToDictionary(n => n.Id, n => n.Depth);
        var nodeIds = depthOf.Keys.ToList();

        var covering = await db.DepartmentAreas.AsNoTracking().Where(a => nodeIds.Contains(a.NodeId))
            .Select(a => new { a.DepartmentId, a.NodeId }).ToListAsync(cancellationToken);
        var departmentIds = covering.Select(a => a.DepartmentId).Distinct().ToList();
        var departments = await db.Departments.AsNoTracking().Where(d => departmentIds.Contains(d.Id) || d.Id == category.HandlerDepartmentId)
            .Select(d => new { d.Id, d.Code, d.CategoryCodes, Areas = d.Areas.Count }).ToListAsync(cancellationToken);

        var listing = departments.Where(d => d.CategoryCodes.Contains(category.Code))
            .Select(d => new { d.Id, d.Code, Depth = covering.Where(a => a.DepartmentId == d.Id).Select(a => depthOf[a.NodeId]).DefaultIfEmpty(-1).Max() })
            .Where(d => d.Depth >= 0)
            .OrderByDescending(d => d.Depth).ThenBy(d => d.Id)
            .FirstOrDefault();
        if (listing is not null)
        {
            return new DispatchTarget(listing.Id, null, null, $"department:{listing.Code}");
        }

        var own = departments.FirstOrDefault(d => d.Id == category.HandlerDepartmentId);
        if (own is not null && (own.Areas == 0 || covering.Any(a => a.DepartmentId == own.Id)))
        {
            return new DispatchTarget(own.Id, null, null, $"department:{own.Code}");
        }

        if (category.HandlerGridRole is { } role)
        {
            var holders = await db.RoleAssignments.AsNoTracking().Where(a => a.Role == role && a.NodeId != null && nodeIds.Contains(a.NodeId.Value))
                .Select(a => a.NodeId!.Value).Distinct().ToListAsync(cancellationToken);
            var nearest = holders.OrderByDescending(id => depthOf[id]).Select(id => (int?)id).FirstOrDefault();
            if (nearest is { } nodeId)
            {
                return new DispatchTarget(null, role, nodeId, $"{role}@{nodes.First(n => n.Id == nodeId).Code}");
            }
        }

        return null;
    }
}
