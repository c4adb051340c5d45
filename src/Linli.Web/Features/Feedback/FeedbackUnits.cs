using Linli.Web.Data;
using Linli.Web.Features.Tree;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Feedback;

/// <summary>Finds the units residents may address and resolves a unit's key to its names and area.</summary>
public sealed class FeedbackUnits(LinliDb db)
{
    public const int MaxListed = 200;

    public async Task<FeedbackUnit?> FindAsync(FeedbackUnitKey key, CancellationToken cancellationToken)
    {
        if (key.NodeId is { } nodeId)
        {
            var node = await db.Nodes.AsNoTracking().Where(n => n.Id == nodeId)
                .Select(n => new { n.Id, n.Kind, n.Name, n.NameEn, n.Path }).SingleOrDefaultAsync(cancellationToken);
            return node is null ? null : Office(node.Id, node.Kind, node.Name, node.NameEn, node.Path);
        }

        var department = await db.Departments.AsNoTracking().Where(d => d.Id == key.DepartmentId)
            .Select(d => new { d.Id, d.Name, d.NameEn, Paths = d.Areas.Select(a => a.Node!.Path).ToList() }).SingleOrDefaultAsync(cancellationToken);
        return department is null ? null
            : new FeedbackUnit(key.ToString(), department.Name, department.NameEn ?? department.Name, "department", CommonPath(department.Paths), null, department.Id);
    }

    /// <summary>Whether residents may post to the unit: departments and the offices of streets and communities.</summary>
    public static bool Accepts(FeedbackUnit unit) => unit.Kind is "department" or "street" or "community";

    /// <summary>
    /// Street and community offices under <paramref name="underCode"/> (everywhere when null) and the departments
    /// covering it, whose name contains <paramref name="search"/>; departments first, then by tree order.
    /// </summary>
    public async Task<IReadOnlyList<FeedbackUnit>> ListAsync(string? underCode, string? search, CancellationToken cancellationToken)
    {
        var under = underCode is null ? null
            : await db.Nodes.AsNoTracking().Where(n => n.Code == underCode).Select(n => n.Path).SingleOrDefaultAsync(cancellationToken);
        if (underCode is not null && under is null)
        {
            return [];
        }

        var nodes = db.Nodes.AsNoTracking().Where(n => n.Kind == NodeKind.Street || n.Kind == NodeKind.Community);
        if (under is not null)
        {
            nodes = nodes.Where(n => n.Path.StartsWith(under));
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            nodes = nodes.Where(n => n.Name.Contains(term) || (n.NameEn != null && n.NameEn.Contains(term)));
        }

        var offices = (await nodes.OrderBy(n => n.Path).Take(MaxListed).Select(n => new { n.Id, n.Kind, n.Name, n.NameEn, n.Path }).ToListAsync(cancellationToken))
            .Select(n => Office(n.Id, n.Kind, n.Name, n.NameEn, n.Path));

        var departments = (await db.Departments.AsNoTracking().OrderBy(d => d.Code)
                .Select(d => new { d.Id, d.Name, d.NameEn, Paths = d.Areas.Select(a => a.Node!.Path).ToList() }).ToListAsync(cancellationToken))
            .Where(d => under is null || d.Paths.Any(p => p.StartsWith(under, StringComparison.Ordinal) || under.StartsWith(p, StringComparison.Ordinal)))
            .Where(d => string.IsNullOrWhiteSpace(search) || d.Name.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase)
                || (d.NameEn?.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase) ?? false))
            .Select(d => new FeedbackUnit(FeedbackUnitKey.Department(d.Id).ToString(), d.Name, d.NameEn ?? d.Name, "department", CommonPath(d.Paths), null, d.Id));
        return [.. departments.Concat(offices).Take(MaxListed)];
    }

    private static FeedbackUnit Office(int id, NodeKind kind, string name, string? nameEn, string path)
    {
        var key = FeedbackUnitKey.Node(id).ToString();
        var english = nameEn ?? name;
        return kind switch
        {
            NodeKind.Street => new FeedbackUnit(key, name + "办事处", english + " office", "street", path, id, null),
            NodeKind.Community => new FeedbackUnit(key, name + "居委会", english + " residents' committee", "community", path, id, null),
            _ => new FeedbackUnit(key, name, english, "office", path, id, null),
        };
    }

    /// <summary>The deepest node path every area of a department lies in ("/" when they share no city).</summary>
    public static string CommonPath(IReadOnlyList<string> paths)
    {
        if (paths.Count == 0)
        {
            return "/";
        }

        var segments = paths[0].Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        foreach (var path in paths.Skip(1))
        {
            var other = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var same = 0;
            while (same < segments.Count && same < other.Length && segments[same] == other[same])
            {
                same++;
            }

            segments = segments[..same];
        }

        return segments.Count == 0 ? "/" : "/" + string.Join('/', segments) + "/";
    }
}
