using NetTopologySuite.Geometries;

namespace Linli.Web.Features.Tree;

/// <summary>One node of the city tree. <see cref="Path"/> holds the codes from the root, so a subtree is a prefix.</summary>
public sealed class TreeNode
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public int? ParentId { get; set; }
    public TreeNode? Parent { get; set; }
    public NodeKind Kind { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }

    /// <summary>Only meaningful for communities: rural ones have lower volunteer targets.</summary>
    public bool IsRural { get; set; }

    /// <summary>"/220100/220102/220102001/" — every ancestor's code and this node's, slash-terminated.</summary>
    public required string Path { get; set; }

    public int Depth { get; set; }
    public Geometry? Geometry { get; set; }

    public List<TreeNode> Children { get; set; } = [];

    public static string PathUnder(string? parentPath, string code) => (parentPath ?? "/") + code + "/";

    public bool IsWithin(string ancestorPath) => Path.StartsWith(ancestorPath, StringComparison.Ordinal);
}
