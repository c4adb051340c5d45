using Linli.Web.Data;
using Linli.Web.Features.Tree;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Rates;

/// <summary>
/// Whose cases the figures cover: a node's subtree (by the grid path), a department's cases, or a department's cases
/// within a node. <see cref="BreaksDownSensitive"/> says whether sensitive categories may be counted one by one.
/// </summary>
public sealed record RateScope(NodeRefDto? Node, string? NodePath, DepartmentRefDto? Department, int? DepartmentId, bool BreaksDownSensitive);

public static class RateScopes
{
    /// <summary>
    /// Sensitive categories (fraud, safety, elderly care) are broken down only for a community or a larger area: below it
    /// a count by category would map them to a handful of buildings.
    /// </summary>
    public const NodeKind SmallestAreaForSensitive = NodeKind.Community;

    public static async Task<(RateScope? Scope, string Field, string Error)> ResolveAsync(LinliDb db, string? nodeCode, string? departmentCode, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(nodeCode) && string.IsNullOrWhiteSpace(departmentCode))
        {
            return (null, "node", "give node (a tree code) or department (a department code)");
        }

        NodeRefDto? node = null;
        string? path = null;
        var breaksDown = true;
        if (!string.IsNullOrWhiteSpace(nodeCode))
        {
            var code = nodeCode.Trim();
            var found = await db.Nodes.AsNoTracking().Where(n => n.Code == code)
                .Select(n => new { n.Code, n.Kind, n.Name, n.NameEn, n.Path }).FirstOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return (null, "node", $"unknown node '{code}'");
            }

            if (found.Kind > NodeKind.Grid)
            {
                return (null, "node", "figures are kept down to grid level: choose the grid or an area above it");
            }

            (node, path, breaksDown) = (new NodeRefDto(found.Code, found.Kind.ToWire(), found.Name, found.NameEn), found.Path, found.Kind <= SmallestAreaForSensitive);
        }

        DepartmentRefDto? department = null;
        int? departmentId = null;
        if (!string.IsNullOrWhiteSpace(departmentCode))
        {
            var code = departmentCode.Trim();
            var found = await db.Departments.AsNoTracking().Where(d => d.Code == code)
                .Select(d => new { d.Id, d.Code, d.Name, d.NameEn }).FirstOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return (null, "department", $"unknown department '{code}'");
            }

            (department, departmentId) = (new DepartmentRefDto(found.Code, found.Name, found.NameEn), found.Id);
            if (node is null)
            {
                // A department alone covers its areas: as fine-grained as the smallest of them.
                var areaKinds = await db.DepartmentAreas.AsNoTracking().Where(a => a.DepartmentId == found.Id).Select(a => a.Node!.Kind).ToListAsync(cancellationToken);
                breaksDown = areaKinds.Count > 0 && areaKinds.All(k => k <= SmallestAreaForSensitive);
            }
        }

        return (new RateScope(node, path, department, departmentId, breaksDown), "", "");
    }
}
