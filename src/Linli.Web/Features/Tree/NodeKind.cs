using Linli.Web.Infrastructure;

namespace Linli.Web.Features.Tree;

/// <summary>The levels of the city tree, from the root down to a stairwell with its households.</summary>
public enum NodeKind
{
    City,
    District,
    Street,
    Community,
    Grid,
    Building,
    Unit,
}

public static class NodeKinds
{
    public static string ToWire(this NodeKind kind) => kind.ToString().ToLowerInvariant();

    public static bool TryParse(string? value, out NodeKind kind) => EnumNames.TryParse(value, out kind);

    /// <summary>The kind a child of <paramref name="parent"/> must have; a city has no parent.</summary>
    public static NodeKind? ChildOf(NodeKind parent) => parent == NodeKind.Unit ? null : parent + 1;

    /// <summary>Grids and everything above them are areas and carry polygons.</summary>
    public static bool IsArea(this NodeKind kind) => kind <= NodeKind.Grid;

    public static string ChineseName(this NodeKind kind) => kind switch
    {
        NodeKind.City => "市",
        NodeKind.District => "区",
        NodeKind.Street => "街道",
        NodeKind.Community => "社区",
        NodeKind.Grid => "网格",
        NodeKind.Building => "楼栋",
        _ => "单元",
    };
}
