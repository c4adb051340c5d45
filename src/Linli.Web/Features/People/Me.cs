using Linli.Web.Data;
using Linli.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.People;

public static class Me
{
    public static async Task<Results<Ok<MeResponse>, UnauthorizedHttpResult>> HandleAsync(
        HttpContext http, UserManager<LinliUser> users, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(http.User);
        return user is null ? TypedResults.Unauthorized() : TypedResults.Ok(await DescribeAsync(user, http, cancellationToken));
    }

    /// <summary>What the person sees about themselves: contact, roles (and whether each is usable now), household.</summary>
    /// <param name="justSignedInWithSecondFactor">
    /// True only right after a TOTP sign-in, when the request's principal is still the anonymous one.
    /// </param>
    public static async Task<MeResponse> DescribeAsync(LinliUser user, HttpContext http, CancellationToken cancellationToken, bool justSignedInWithSecondFactor = false)
    {
        var db = http.RequestServices.GetRequiredService<LinliDb>();
        var scope = http.RequestServices.GetRequiredService<ScopeAuthorizer>();
        var roles = await db.RoleAssignments.AsNoTracking().Where(a => a.UserId == user.Id).OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.Role, NodeCode = a.Node == null ? null : a.Node.Code, NodeName = a.Node == null ? null : a.Node.Name, DepartmentCode = a.Department == null ? null : a.Department.Code, a.PartnerId })
            .ToListAsync(cancellationToken);
        var household = await db.HouseholdLinks.AsNoTracking().Where(h => h.UserId == user.Id)
            .Join(db.Consents, h => h.ConsentId, c => c.Id, (h, c) => new HouseholdDto(h.Unit!.Code, h.Unit.Name, c.TextVersion, h.LinkedAt))
            .FirstOrDefaultAsync(cancellationToken);

        var held = roles.Select(r => new HeldRoleDto(r.Id, r.Role.ToString(), r.NodeCode, r.NodeName, r.DepartmentCode, r.PartnerId,
            scope.IsUsable(r.Role) || justSignedInWithSecondFactor)).ToList();
        return new MeResponse(user.Id, user.DisplayName, user.Kind.ToString(), user.Email, user.PhoneNumber, user.TwoFactorEnabled,
            held.Any(r => !r.Usable), held, household);
    }
}
