using System.Text.Json;
using Linli.Web.Data;
using Linli.Web.Features.Tree.Import;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Tree;

/// <summary>Single-node edits by staff whose role covers the place: a new node under a parent, a rename or reshape, a removal.</summary>
public static class TreeEditing
{
    public static async Task<Results<Created<NodeSummary>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateNodeRequest request, TreeImporter importer, ScopeAuthorizer scope, LinliDb db, CancellationToken cancellationToken)
    {
        var parentPath = request.ParentCode is null ? null
            : await db.Nodes.Where(n => n.Code == request.ParentCode).Select(n => n.Path).FirstOrDefaultAsync(cancellationToken);
        if (parentPath is not null && !await scope.CanAsync(Permission.EditTree, parentPath, cancellationToken))
        {
            return Problems.Forbidden();
        }

        var (geometry, geometryError) = request.Geometry is { } g ? GeoJsonTreeReader.ReadGeometry(g) : (null, null);
        var feature = new ImportFeature(0, request.Code, request.ParentCode, request.Kind, request.Name, request.NameEn, request.Rural, geometry, geometryError);

        // One node goes through the same checks as an import, so the rules live in one place.
        await importer.ImportAsync([feature], "feature", path => path is not null && path == parentPath, cancellationToken: cancellationToken);
        var kind = NodeKinds.TryParse(request.Kind, out var parsed) ? parsed : NodeKind.Unit;
        return TypedResults.Created($"/api/v1/tree/nodes/{request.Code}",
            new NodeSummary(request.Code!, kind.ToWire(), request.Name!.Trim(), request.NameEn, request.Rural && kind == NodeKind.Community, 0));
    }

    public static async Task<Results<Ok<NodeSummary>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string code, UpdateNodeRequest request, ScopeAuthorizer scope, LinliDb db, SpatialIndexHolder index, CancellationToken cancellationToken)
    {
        var node = await db.Nodes.Include(n => n.Parent).FirstOrDefaultAsync(n => n.Code == code, cancellationToken);
        if (node is null)
        {
            return Problems.NotFound($"No node has the code {code}.");
        }

        if (!await scope.CanAsync(Permission.EditTree, node.Path, cancellationToken))
        {
            return Problems.Forbidden();
        }

        if (request.Name is not null)
        {
            if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
            {
                return Problems.Invalid("name", "name is required and at most 100 characters");
            }

            node.Name = request.Name.Trim();
        }

        if (request.NameEn is not null)
        {
            if (request.NameEn.Length > 100)
            {
                return Problems.Invalid("nameEn", "nameEn is at most 100 characters");
            }

            node.NameEn = request.NameEn.Length == 0 ? null : request.NameEn.Trim();
        }

        if (request.Rural is { } rural && node.Kind == NodeKind.Community)
        {
            node.IsRural = rural;
        }

        if (request.Geometry is { } element)
        {
            var problem = await ApplyGeometryAsync(node, element, db, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await index.MarkStaleAsync(db, cancellationToken);
        var childCount = await db.Nodes.CountAsync(n => n.ParentId == node.Id, cancellationToken);
        return TypedResults.Ok(new NodeSummary(node.Code, node.Kind.ToWire(), node.Name, node.NameEn, node.IsRural, childCount));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string code, ScopeAuthorizer scope, LinliDb db, SpatialIndexHolder index, CancellationToken cancellationToken)
    {
        var node = await db.Nodes.AsNoTracking().Where(n => n.Code == code)
            .Select(n => new { n.Id, ParentPath = n.Parent == null ? null : n.Parent.Path }).FirstOrDefaultAsync(cancellationToken);
        if (node is null)
        {
            return Problems.NotFound($"No node has the code {code}.");
        }

        // Removing a node is a change to its parent, so the role must be held above it, never at the node itself.
        if (node.ParentPath is null || !await scope.CanAsync(Permission.EditTree, node.ParentPath, cancellationToken))
        {
            return Problems.Forbidden();
        }

        var inUse = await db.Nodes.AnyAsync(n => n.ParentId == node.Id, cancellationToken) ||
                    await db.RoleAssignments.AnyAsync(a => a.NodeId == node.Id, cancellationToken) ||
                    await db.HouseholdLinks.AnyAsync(h => h.UnitNodeId == node.Id, cancellationToken) ||
                    await db.DepartmentAreas.AnyAsync(a => a.NodeId == node.Id, cancellationToken);
        if (inUse)
        {
            return Problems.Conflict($"Node {code} still has children, people in roles, households or departments attached; move or remove them first.");
        }

        await db.Nodes.Where(n => n.Id == node.Id).ExecuteDeleteAsync(cancellationToken);
        await index.MarkStaleAsync(db, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<ValidationProblem?> ApplyGeometryAsync(TreeNode node, JsonElement element, LinliDb db, CancellationToken cancellationToken)
    {
        var (geometry, error) = GeoJsonTreeReader.ReadGeometry(element);
        error ??= geometry is null ? null : GeometryRules.Check(node.Kind, geometry);
        if (error is not null)
        {
            return Problems.Invalid("geometry", error);
        }

        if (geometry is not null && node.Kind == NodeKind.Grid && node.ParentId is { } parentId)
        {
            var community = await db.Nodes.AsNoTracking().Where(n => n.Id == parentId).Select(n => n.Geometry).FirstOrDefaultAsync(cancellationToken);
            if (community is not null && !community.Buffer(GeometryRules.ContainmentToleranceDegrees).Covers(geometry))
            {
                return Problems.Invalid("geometry", $"grid {node.Code} would lie outside its community {node.Parent?.Code}");
            }
        }

        if (geometry is not null)
        {
            geometry.SRID = 4326;
        }

        node.Geometry = geometry;
        return null;
    }
}
