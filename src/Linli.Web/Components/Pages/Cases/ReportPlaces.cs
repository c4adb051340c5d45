using Linli.Web.Data;
using Linli.Web.Features.Tree;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Components.Pages.Cases;

/// <summary>A building a resident can pick, named with its community and grid ("石桥铺社区 · 第1网格 · 1号楼").</summary>
public sealed record BuildingChoice(string Code, string Name, string? NameEn, string Grid, string? GridEn, string Community, string? CommunityEn)
{
    public string Label => string.Join(" · ", Display.Name(Community, CommunityEn), Display.Name(Grid, GridEn), Display.Name(Name, NameEn));
}

/// <summary>
/// Places for the report form without a map: finding a building by words from its name, its grid's or community's, or
/// by its code; and where the map should open.
/// </summary>
public static class ReportPlaces
{
    private const int MaxResults = 12;

    private static readonly char[] Separators = [' ', '\u3000', ',', '，', '·', '、', '/'];

    public static async Task<List<BuildingChoice>> FindBuildingsAsync(LinliDb db, string? query, CancellationToken cancellationToken)
    {
        var terms = (query ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.ToLowerInvariant()).Distinct().Take(5).ToList();
        if (terms.Count == 0)
        {
            return [];
        }

        var rows = Rows(db);
        if (terms is [var only] && LooksLikeCode(only))
        {
            return await Choices(rows.Where(b => b.Code == only)).ToListAsync(cancellationToken);
        }

        // ToLower() here is SQL lower() on both databases, not a .NET culture rule; "building 5" finds "Building 5".
#pragma warning disable CA1304, CA1311, CA1862
        foreach (var term in terms)
        {
            rows = rows.Where(b => b.Name.ToLower().Contains(term) || b.Grid.ToLower().Contains(term) || b.Community.ToLower().Contains(term)
                || (b.NameEn != null && b.NameEn.ToLower().Contains(term)) || (b.GridEn != null && b.GridEn.ToLower().Contains(term))
                || (b.CommunityEn != null && b.CommunityEn.ToLower().Contains(term)));
        }

        // "1号楼" is also in "11号楼": buildings whose own name is a typed word come first.
        return await Choices(rows.OrderBy(b => terms.Contains(b.Name.ToLower()) || (b.NameEn != null && terms.Contains(b.NameEn.ToLower())) ? 0 : 1)
            .ThenBy(b => b.Code).Take(MaxResults)).ToListAsync(cancellationToken);
#pragma warning restore CA1304, CA1311, CA1862
    }

    public static Task<BuildingChoice?> BuildingAsync(LinliDb db, string code, CancellationToken cancellationToken) =>
        Choices(Rows(db).Where(b => b.Code == code)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The node the map opens on: from the single root down while a node has only one child, so a deployment for one
    /// street opens on that street rather than on the whole city. At most the street level.
    /// </summary>
    public static async Task<string?> MapStartCodeAsync(LinliDb db, CancellationToken cancellationToken)
    {
        var level = await db.Nodes.AsNoTracking().Where(n => n.ParentId == null).Select(n => new { n.Id, n.Code, n.Kind }).Take(2).ToListAsync(cancellationToken);
        string? code = null;
        while (level is [var only])
        {
            code = only.Code;
            if (only.Kind >= NodeKind.Street)
            {
                break;
            }

            level = await db.Nodes.AsNoTracking().Where(n => n.ParentId == only.Id).Select(n => new { n.Id, n.Code, n.Kind }).Take(2).ToListAsync(cancellationToken);
        }

        return code;
    }

    /// <summary>Building codes are 18 digits (Beijing style); a shorter run of digits is searched as words.</summary>
    public static bool LooksLikeCode(string text) => text.Length >= 12 && text.All(char.IsAsciiDigit);

    private static IQueryable<BuildingChoice> Choices(IQueryable<Row> rows) => rows.Select(b => new BuildingChoice(b.Code, b.Name, b.NameEn, b.Grid, b.GridEn, b.Community, b.CommunityEn));

    /// <summary>A member-initialised row, so EF can still filter and sort on its columns.</summary>
    private sealed class Row
    {
        public required string Code { get; init; }
        public required string Name { get; init; }
        public string? NameEn { get; init; }
        public required string Grid { get; init; }
        public string? GridEn { get; init; }
        public required string Community { get; init; }
        public string? CommunityEn { get; init; }
    }

    private static IQueryable<Row> Rows(LinliDb db) =>
        db.Nodes.AsNoTracking().Where(b => b.Kind == NodeKind.Building).Select(b => new Row
        {
            Code = b.Code,
            Name = b.Name,
            NameEn = b.NameEn,
            Grid = b.Parent!.Name,
            GridEn = b.Parent.NameEn,
            Community = b.Parent.Parent!.Name,
            CommunityEn = b.Parent.Parent.NameEn,
        });
}
