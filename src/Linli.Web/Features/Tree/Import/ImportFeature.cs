using NetTopologySuite.Geometries;

namespace Linli.Web.Features.Tree.Import;

/// <summary>One node as read from a file, before validation. <see cref="Position"/> is the feature index or CSV line.</summary>
public sealed record ImportFeature(
    int Position,
    string? Code,
    string? ParentCode,
    string? Kind,
    string? Name,
    string? NameEn,
    bool IsRural,
    Geometry? Geometry,
    string? GeometryError);

/// <summary>
/// A problem with one feature (or the file as a whole when <see cref="Position"/> is null). <see cref="Forbidden"/>
/// marks a feature placed outside the caller's part of the tree, which makes the whole refusal a 403.
/// </summary>
public sealed record ImportProblem(int? Position, string? Code, string Field, string Message, bool Forbidden = false);

public sealed class ImportRejectedException(string positionName, IReadOnlyList<ImportProblem> problems)
    : Exception($"The import was refused with {problems.Count} problem(s); nothing was imported.")
{
    /// <summary>"feature" (GeoJSON, 0-based index) or "line" (CSV, 1-based with the header as line 1).</summary>
    public string PositionName { get; } = positionName;

    public IReadOnlyList<ImportProblem> Problems { get; } = problems;
}
