using System.Text.Json;

namespace Linli.Web.Features.Tree;

public sealed record NodeSummary(string Code, string Kind, string Name, string? NameEn, bool Rural, int ChildCount);

public sealed record NodeDetail(
    string Code,
    string Kind,
    string Name,
    string? NameEn,
    bool Rural,
    string? ParentCode,
    IReadOnlyList<NodeRefDto> Ancestors,
    IReadOnlyList<NodeSummary> Children,
    bool HasGeometry);

public sealed record NodeRefDto(string Code, string Kind, string Name, string? NameEn)
{
    public static NodeRefDto From(NodeRef node) => new(node.Code, node.Kind.ToWire(), node.Name, node.NameEn);
}

public sealed record LocateResponse(NodeRefDto Grid, IReadOnlyList<NodeRefDto> Ancestors, NearbyBuildingDto? NearestBuilding);

public sealed record NearbyBuildingDto(string Code, string Name, string? NameEn, double DistanceMeters);

public sealed record CreateNodeRequest(string? Code, string? ParentCode, string? Kind, string? Name, string? NameEn, bool Rural, JsonElement? Geometry);

public sealed record UpdateNodeRequest(string? Name, string? NameEn, bool? Rural, JsonElement? Geometry);

public sealed record ImportResponse(int Imported, IReadOnlyDictionary<string, int> ByKind);
