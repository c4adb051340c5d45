namespace Linli.Web.Features.Tree;

/// <summary>
/// Beijing-style codes: 6 digits for the administrative area (city and district), then 3 for the street,
/// 3 for the community, 3 for the grid; a building adds 3 digits to its grid's code and a unit 2 to its building's.
/// </summary>
public static class TreeCodes
{
    public static int SuffixLength(NodeKind kind) => kind switch
    {
        NodeKind.Street or NodeKind.Community or NodeKind.Grid or NodeKind.Building => 3,
        NodeKind.Unit => 2,
        _ => 0,
    };

    /// <summary>Returns an error message, or null when <paramref name="code"/> fits its kind and parent.</summary>
    public static string? Check(string code, NodeKind kind, string? parentCode)
    {
        if (string.IsNullOrEmpty(code) || !code.All(char.IsAsciiDigit))
        {
            return "code must be digits only";
        }

        if (kind is NodeKind.City or NodeKind.District)
        {
            return code.Length == 6 ? null : $"a {kind.ToWire()} code has 6 digits";
        }

        if (parentCode is null)
        {
            return null;
        }

        var expected = parentCode.Length + SuffixLength(kind);
        if (code.Length != expected || !code.StartsWith(parentCode, StringComparison.Ordinal))
        {
            return $"a {kind.ToWire()} code is its parent's code {parentCode} followed by {SuffixLength(kind)} digits";
        }

        return null;
    }
}
