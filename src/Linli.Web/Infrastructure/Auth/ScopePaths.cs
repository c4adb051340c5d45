namespace Linli.Web.Infrastructure.Auth;

/// <summary>Node paths of the roles a person holds, as the subtree queries need them.</summary>
public static class ScopePaths
{
    /// <summary>Drops every path that lies inside another, so counts over the rest do not count a record twice.</summary>
    public static IReadOnlyList<string> Outermost(IEnumerable<string> paths)
    {
        var distinct = paths.Distinct(StringComparer.Ordinal).ToList();
        return [.. distinct.Where(p => !distinct.Any(q => q != p && p.StartsWith(q, StringComparison.Ordinal))).Order(StringComparer.Ordinal)];
    }
}
