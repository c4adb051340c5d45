using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Linli.Web.Features.Feedback;

/// <summary>
/// A unit residents address: a department (police station, utility, ...) or the office at a street or community node.
/// Its key in routes is "d12" (department 12) or "n345" (the office at node 345); nothing needs creating for it.
/// </summary>
public readonly record struct FeedbackUnitKey(int? NodeId, int? DepartmentId)
{
    public static FeedbackUnitKey Node(int id) => new(id, null);

    public static FeedbackUnitKey Department(int id) => new(null, id);

    public override string ToString() => NodeId is { } n
        ? "n" + n.ToString(CultureInfo.InvariantCulture)
        : "d" + DepartmentId!.Value.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse([NotNullWhen(true)] string? text, out FeedbackUnitKey key)
    {
        key = default;
        if (text is not { Length: >= 2 } || !int.TryParse(text.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            return false;
        }

        switch (text[0])
        {
            case 'n':
                key = Node(id);
                return true;
            case 'd':
                key = Department(id);
                return true;
            default:
                return false;
        }
    }

    public static FeedbackUnitKey Of(int? nodeId, int? departmentId) => new(nodeId, departmentId);
}

/// <summary>A unit as shown: its key, names in both languages and its area's path.</summary>
public sealed record FeedbackUnit(string Key, string Name, string NameEn, string Kind, string AreaPath, int? NodeId, int? DepartmentId)
{
    public FeedbackUnitKey UnitKey => FeedbackUnitKey.Of(NodeId, DepartmentId);
}
