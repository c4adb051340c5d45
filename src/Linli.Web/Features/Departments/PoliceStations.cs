using Linli.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Departments;

/// <summary>A police station (派出所): a department of kind PoliceStation and the paths of the tree nodes it covers.</summary>
public sealed record PoliceStation(int Id, string Code, string Name, string? NameEn, IReadOnlyList<string> AreaPaths);

public static class PoliceStations
{
    public static async Task<IReadOnlyList<PoliceStation>> ListAsync(LinliDb db, CancellationToken cancellationToken) =>
        (await db.Departments.AsNoTracking().Where(d => d.Kind == DepartmentKind.PoliceStation)
            .Select(d => new { d.Id, d.Code, d.Name, d.NameEn, Paths = d.Areas.Select(a => a.Node!.Path).ToList() })
            .ToListAsync(cancellationToken))
        .Select(d => new PoliceStation(d.Id, d.Code, d.Name, d.NameEn, d.Paths)).ToList();

    /// <summary>The station of a place: the one whose area is the place or its nearest ancestor.</summary>
    public static PoliceStation? Of(IEnumerable<PoliceStation> stations, string path) =>
        stations.SelectMany(s => s.AreaPaths.Where(a => path.StartsWith(a, StringComparison.Ordinal)).Select(a => (Station: s, a.Length)))
            .OrderByDescending(x => x.Length).Select(x => x.Station).FirstOrDefault();
}
