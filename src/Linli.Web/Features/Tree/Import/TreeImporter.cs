using Linli.Web.Data;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace Linli.Web.Features.Tree.Import;

public sealed record ImportProgress(string Stage, int Done, int Total);

public sealed record ImportResult(int Imported, IReadOnlyDictionary<string, int> ByKind);

/// <summary>
/// Validates a whole set of nodes against itself and the stored tree, then writes all of them in one transaction or
/// none: every problem is reported with its feature index or line, and nothing is partly imported.
/// </summary>
public sealed class TreeImporter(LinliDb db, SpatialIndexHolder index)
{
    private const int BatchSize = 20_000;

    private sealed record Existing(int Id, NodeKind Kind, string Path);

    private sealed record Valid(ImportFeature Feature, string Code, NodeKind Kind, string Name);

    /// <param name="mayWriteUnder">Given the path of the parent (null for a root), says whether the caller may add there.</param>
    public async Task<ImportResult> ImportAsync(
        IReadOnlyList<ImportFeature> features,
        string positionName,
        Func<string?, bool> mayWriteUnder,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var existing = await db.Nodes.AsNoTracking()
            .Select(n => new { n.Code, Value = new Existing(n.Id, n.Kind, n.Path) })
            .ToDictionaryAsync(n => n.Code, n => n.Value, StringComparer.Ordinal, cancellationToken);

        var problems = new List<ImportProblem>();
        var valid = Validate(features, existing, mayWriteUnder, problems);
        await CheckGridsInsideCommunitiesAsync(valid, existing, problems, cancellationToken);
        if (problems.Count > 0)
        {
            throw new ImportRejectedException(positionName, [.. problems.OrderBy(p => p.Position)]);
        }

        await WriteAsync(valid, existing, progress, cancellationToken);
        await index.MarkStaleAsync(db, cancellationToken);
        return new ImportResult(valid.Count, valid.GroupBy(v => v.Kind.ToWire()).ToDictionary(g => g.Key, g => g.Count()));
    }

    private static List<Valid> Validate(
        IReadOnlyList<ImportFeature> features, Dictionary<string, Existing> existing, Func<string?, bool> mayWriteUnder, List<ImportProblem> problems)
    {
        var firstPosition = new Dictionary<string, int>(StringComparer.Ordinal);
        var kindInFile = new Dictionary<string, NodeKind>(StringComparer.Ordinal);
        foreach (var f in features)
        {
            if (f.Code is not null && NodeKinds.TryParse(f.Kind, out var k))
            {
                kindInFile.TryAdd(f.Code, k);
            }
        }

        var valid = new List<Valid>(features.Count);
        foreach (var f in features)
        {
            var before = problems.Count;
            void Problem(string field, string message) => problems.Add(new ImportProblem(f.Position, f.Code, field, message));
            void Forbidden(string message) => problems.Add(new ImportProblem(f.Position, f.Code, "parentCode", message, Forbidden: true));

            if (string.IsNullOrWhiteSpace(f.Code))
            {
                Problem("code", "code is required");
            }
            else if (firstPosition.TryGetValue(f.Code, out var first))
            {
                Problem("code", $"duplicate code {f.Code}: it also appears at {first}");
            }
            else if (existing.ContainsKey(f.Code))
            {
                Problem("code", $"duplicate code {f.Code}: a node with this code already exists");
            }

            if (f.Code is not null)
            {
                firstPosition.TryAdd(f.Code, f.Position);
            }

            if (!NodeKinds.TryParse(f.Kind, out var kind))
            {
                Problem("kind", $"unknown kind '{f.Kind}'; expected one of city, district, street, community, grid, building, unit");
                continue;
            }

            if (string.IsNullOrWhiteSpace(f.Name))
            {
                Problem("name", "name is required");
            }
            else if (f.Name.Length > 100 || f.NameEn?.Length > 100)
            {
                Problem(f.Name.Length > 100 ? "name" : "nameEn", "names are at most 100 characters");
            }

            CheckParent(f, kind, existing, kindInFile, mayWriteUnder, Problem, Forbidden);

            if (f.Code is not null && TreeCodes.Check(f.Code, kind, f.ParentCode) is { } codeError)
            {
                Problem("code", codeError);
            }

            if (f.GeometryError is not null)
            {
                Problem("geometry", f.GeometryError);
            }
            else if (f.Geometry is not null && GeometryRules.Check(kind, f.Geometry) is { } geometryError)
            {
                Problem("geometry", geometryError);
            }

            if (problems.Count == before)
            {
                valid.Add(new Valid(f, f.Code!, kind, f.Name!.Trim()));
            }
        }

        return valid;
    }

    private static void CheckParent(
        ImportFeature f, NodeKind kind, Dictionary<string, Existing> existing, Dictionary<string, NodeKind> kindInFile,
        Func<string?, bool> mayWriteUnder, Action<string, string> problem, Action<string> forbidden)
    {
        if (kind == NodeKind.City)
        {
            if (f.ParentCode is not null)
            {
                problem("parentCode", "a city is a root and has no parent");
            }
            else if (!mayWriteUnder(null))
            {
                forbidden("you may not add a new root to the tree");
            }

            return;
        }

        if (f.ParentCode is null)
        {
            problem("parentCode", $"a {kind.ToWire()} needs a parentCode");
            return;
        }

        NodeKind parentKind;
        if (existing.TryGetValue(f.ParentCode, out var parent))
        {
            parentKind = parent.Kind;
            if (!mayWriteUnder(parent.Path))
            {
                forbidden($"parent {f.ParentCode} is outside the part of the tree you may edit");
            }
        }
        else if (!kindInFile.TryGetValue(f.ParentCode, out parentKind))
        {
            problem("parentCode", $"unknown parent {f.ParentCode}");
            return;
        }

        if (NodeKinds.ChildOf(parentKind) != kind)
        {
            problem("kind", $"wrong kind under its parent: a {kind.ToWire()} cannot be under a {parentKind.ToWire()}");
        }
    }

    private async Task CheckGridsInsideCommunitiesAsync(
        List<Valid> valid, Dictionary<string, Existing> existing, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        var grids = valid.Where(v => v.Kind == NodeKind.Grid && v.Feature.Geometry is not null).ToList();
        if (grids.Count == 0)
        {
            return;
        }

        var communityShapes = valid.Where(v => v.Kind == NodeKind.Community && v.Feature.Geometry is not null)
            .ToDictionary(v => v.Code, v => v.Feature.Geometry!, StringComparer.Ordinal);
        var storedParentIds = grids.Select(g => g.Feature.ParentCode!).Where(existing.ContainsKey).Distinct()
            .Select(c => existing[c].Id).ToList();
        foreach (var chunk in storedParentIds.Chunk(500))
        {
            var stored = await db.Nodes.AsNoTracking().Where(n => chunk.Contains(n.Id) && n.Geometry != null)
                .Select(n => new { n.Code, n.Geometry }).ToListAsync(cancellationToken);
            foreach (var s in stored)
            {
                communityShapes[s.Code] = s.Geometry!;
            }
        }

        var prepared = new Dictionary<string, IPreparedGeometry>(StringComparer.Ordinal);
        foreach (var grid in grids)
        {
            if (!communityShapes.TryGetValue(grid.Feature.ParentCode!, out var community))
            {
                continue;
            }

            if (!prepared.TryGetValue(grid.Feature.ParentCode!, out var shape))
            {
                shape = PreparedGeometryFactory.Prepare(community.Buffer(GeometryRules.ContainmentToleranceDegrees));
                prepared[grid.Feature.ParentCode!] = shape;
            }

            if (!shape.Covers(grid.Feature.Geometry))
            {
                problems.Add(new ImportProblem(grid.Feature.Position, grid.Code, "geometry",
                    $"grid {grid.Code} lies outside its community {grid.Feature.ParentCode}"));
            }
        }
    }

    /// <summary>Writes level by level so each parent has its id before its children. Joins the caller's transaction if there is one.</summary>
    private async Task WriteAsync(List<Valid> valid, Dictionary<string, Existing> existing, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await using (own)
        {
            var paths = existing.ToDictionary(e => e.Key, e => (e.Value.Id, e.Value.Path), StringComparer.Ordinal);
            var done = 0;
            foreach (var level in valid.GroupBy(v => v.Kind).OrderBy(g => g.Key))
            {
                foreach (var batch in level.Chunk(BatchSize))
                {
                    var nodes = batch.Select(v => NewNode(v, paths)).ToList();
                    await TreeNodeWriter.InsertAsync(db, nodes, needIds: level.Key != NodeKind.Unit, cancellationToken);
                    foreach (var node in nodes)
                    {
                        paths[node.Code] = (node.Id, node.Path);
                    }

                    done += batch.Length;
                    progress?.Report(new ImportProgress(level.Key.ToWire(), done, valid.Count));
                }
            }

            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
        }
    }

    private static TreeNode NewNode(Valid v, Dictionary<string, (int Id, string Path)> paths)
    {
        var parent = v.Feature.ParentCode is null ? ((int Id, string Path)?)null : paths[v.Feature.ParentCode];
        var path = TreeNode.PathUnder(parent?.Path, v.Code);
        return new TreeNode
        {
            Code = v.Code,
            ParentId = parent?.Id,
            Kind = v.Kind,
            Name = v.Name,
            NameEn = string.IsNullOrWhiteSpace(v.Feature.NameEn) ? null : v.Feature.NameEn.Trim(),
            IsRural = v.Kind == NodeKind.Community && v.Feature.IsRural,
            Path = path,
            Depth = path.Count(c => c == '/') - 1,
            Geometry = NormaliseSrid(v.Feature.Geometry),
        };
    }

    private static Geometry? NormaliseSrid(Geometry? geometry)
    {
        if (geometry is not null)
        {
            geometry.SRID = 4326;
        }

        return geometry;
    }
}
