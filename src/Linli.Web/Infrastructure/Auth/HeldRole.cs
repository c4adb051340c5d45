using Linli.Web.Features.People;

namespace Linli.Web.Infrastructure.Auth;

/// <summary>A role as the scope check needs it: where it is held (a node path, a department or a partner).</summary>
public sealed record HeldRole(int AssignmentId, StaffRole Role, string? NodeCode, string? NodePath, int? DepartmentId, int? PartnerId)
{
    /// <summary>Held at a root of the tree (a city), so it covers whatever is city-wide.</summary>
    public bool IsAtRoot => NodePath is not null && NodePath.Count(c => c == '/') == 2;
}
