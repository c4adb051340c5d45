using System.Security.Claims;
using Linli.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Infrastructure.Auth;

/// <summary>The signed-in person for this request and the roles they hold, loaded once per request.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor, LinliDb db)
{
    private IReadOnlyList<HeldRole>? _roles;

    public ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public Guid? Id => Guid.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string? Name => Principal.FindFirstValue(LinliClaims.DisplayName) ?? Principal.Identity?.Name;

    public async Task<IReadOnlyList<HeldRole>> RolesAsync(CancellationToken cancellationToken = default)
    {
        if (_roles is not null)
        {
            return _roles;
        }

        var id = Id;
        _roles = id is null
            ? []
            : await db.RoleAssignments.AsNoTracking().Where(a => a.UserId == id)
                .Select(a => new HeldRole(a.Id, a.Role, a.Node == null ? null : a.Node.Code, a.Node == null ? null : a.Node.Path, a.DepartmentId, a.PartnerId))
                .ToListAsync(cancellationToken);
        return _roles;
    }
}

public static class LinliClaims
{
    public const string DisplayName = "linli:name";
    public const string AccountKind = "linli:kind";

    /// <summary>Set by Identity when the sign-in used a second factor.</summary>
    public const string AuthenticationMethod = "amr";
    public const string MultiFactor = "mfa";
}
