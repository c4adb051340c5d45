using Linli.Web.Data;
using Linli.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Tree;

public static class TreeQueries
{
    public static async Task<Ok<List<NodeSummary>>> GetRootsAsync(LinliDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await SummariesAsync(db.Nodes.Where(n => n.ParentId == null), cancellationToken));

    public static async Task<Results<Ok<NodeDetail>, ProblemHttpResult>> GetNodeAsync(string code, LinliDb db, CancellationToken cancellationToken)
    {
        var node = await db.Nodes.AsNoTracking().Where(n => n.Code == code)
            .Select(n => new { n.Id, n.Code, n.Kind, n.Name, n.NameEn, n.IsRural, n.Path, HasGeometry = n.Geometry != null })
            .FirstOrDefaultAsync(cancellationToken);
        if (node is null)
        {
            return Problems.NotFound($"No node has the code {code}.");
        }

        var ancestorCodes = node.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).SkipLast(1).ToList();
        var ancestors = await db.Nodes.AsNoTracking().Where(n => ancestorCodes.Contains(n.Code)).OrderBy(n => n.Depth)
            .Select(n => new { n.Code, n.Kind, n.Name, n.NameEn }).ToListAsync(cancellationToken);
        var children = await SummariesAsync(db.Nodes.Where(n => n.ParentId == node.Id), cancellationToken);
        return TypedResults.Ok(new NodeDetail(
            node.Code, node.Kind.ToWire(), node.Name, node.NameEn, node.IsRural, ancestorCodes.LastOrDefault(),
            [.. ancestors.Select(a => new NodeRefDto(a.Code, a.Kind.ToWire(), a.Name, a.NameEn))], children, node.HasGeometry));
    }

    public static async Task<Results<Ok<List<NodeSummary>>, ProblemHttpResult>> GetChildrenAsync(string code, LinliDb db, CancellationToken cancellationToken)
    {
        var id = await db.Nodes.Where(n => n.Code == code).Select(n => (int?)n.Id).FirstOrDefaultAsync(cancellationToken);
        return id is null
            ? Problems.NotFound($"No node has the code {code}.")
            : TypedResults.Ok(await SummariesAsync(db.Nodes.Where(n => n.ParentId == id), cancellationToken));
    }

    /// <summary>The node and its children as GeoJSON, for the map.</summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetMapAsync(string code, LinliDb db, CancellationToken cancellationToken)
    {
        var node = await db.Nodes.AsNoTracking().Where(n => n.Code == code).Select(n => new { n.Id }).FirstOrDefaultAsync(cancellationToken);
        if (node is null)
        {
            return Problems.NotFound($"No node has the code {code}.");
        }

        var nodes = await db.Nodes.AsNoTracking().Where(n => n.Id == node.Id || n.ParentId == node.Id)
            .OrderBy(n => n.Depth).ThenBy(n => n.Code)
            .Select(n => new ExportRow(n.Code, n.Parent == null ? null : n.Parent.Code, n.Kind, n.Name, n.NameEn, n.IsRural, n.Geometry))
            .ToListAsync(cancellationToken);
        using var buffer = new MemoryStream();
        await TreeExport.WriteGeoJsonAsync(buffer, nodes.ToAsyncEnumerable(), cancellationToken);
        return TypedResults.Text(System.Text.Encoding.UTF8.GetString(buffer.ToArray()), "application/geo+json");
    }

    private static async Task<List<NodeSummary>> SummariesAsync(IQueryable<TreeNode> nodes, CancellationToken cancellationToken)
    {
        var rows = await nodes.AsNoTracking().OrderBy(n => n.Code)
            .Select(n => new { n.Code, n.Kind, n.Name, n.NameEn, n.IsRural, ChildCount = n.Children.Count })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(n => new NodeSummary(n.Code, n.Kind.ToWire(), n.Name, n.NameEn, n.IsRural, n.ChildCount))];
    }
}
