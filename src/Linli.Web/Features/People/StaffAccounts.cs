using Linli.Web.Data;
using Linli.Web.Features.Audit;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.People;

/// <summary>Administrators create staff accounts and grant or revoke roles inside their own subtree.</summary>
public static class StaffAccounts
{
    public static async Task<Results<Created<StaffCreated>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateStaffRequest request, RoleGrants grants, UserManager<LinliUser> users, LinliDb db, AuditLog audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (grant, field, error) = await grants.ResolveAsync(request.Role, cancellationToken);
        if (grant is null)
        {
            return error is null ? Problems.Forbidden() : Problems.Invalid(field!, error);
        }

        var login = request.Login?.Trim();
        if (string.IsNullOrEmpty(login) || login.Length > 64)
        {
            return Problems.Invalid("login", "a login name is required (at most 64 characters)");
        }

        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Length > 100)
        {
            return Problems.Invalid("displayName", "a name is required (at most 100 characters)");
        }

        string? phone = null;
        if (request.Phone is not null)
        {
            if (!ContactAddress.TryNormalise(request.Phone, out var normalised, out var isEmail) || isEmail)
            {
                return Problems.Invalid("phone", "not a valid mobile number");
            }

            phone = normalised;
        }

        var user = new LinliUser
        {
            UserName = login,
            DisplayName = request.DisplayName.Trim(),
            Kind = AccountKind.Staff,
            CreatedAt = clock.GetUtcNow(),
            Email = request.Email,
            EmailConfirmed = request.Email is not null,
            PhoneNumber = phone,
        };
        var created = string.IsNullOrEmpty(request.Password) ? await users.CreateAsync(user) : await users.CreateAsync(user, request.Password);
        if (!created.Succeeded)
        {
            var first = created.Errors.First();
            var errorField = first.Code.Contains("Password", StringComparison.Ordinal) ? "password"
                : first.Code.Contains("Email", StringComparison.Ordinal) ? "email" : "login";
            return Problems.Invalid(errorField, string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        var assignment = await AddAsync(user.Id, grant, db, audit, clock, cancellationToken);
        return TypedResults.Created($"/api/v1/staff/{user.Id}", new StaffCreated(user.Id, login, Describe(assignment.Id, grant)));
    }

    public static async Task<Results<Created<HeldRoleDto>, ValidationProblem, ProblemHttpResult>> GrantAsync(
        Guid userId, GrantRoleRequest request, RoleGrants grants, LinliDb db, AuditLog audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (grant, field, error) = await grants.ResolveAsync(request, cancellationToken);
        if (grant is null)
        {
            return error is null ? Problems.Forbidden() : Problems.Invalid(field!, error);
        }

        if (!await db.Users.AnyAsync(u => u.Id == userId, cancellationToken))
        {
            return Problems.NotFound("No such account.");
        }

        var assignment = await AddAsync(userId, grant, db, audit, clock, cancellationToken);
        return TypedResults.Created($"/api/v1/staff/{userId}", Describe(assignment.Id, grant));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        int assignmentId, ScopeAuthorizer scope, LinliDb db, AuditLog audit, CancellationToken cancellationToken)
    {
        var assignment = await db.RoleAssignments.Include(a => a.Node).FirstOrDefaultAsync(a => a.Id == assignmentId, cancellationToken);
        if (assignment is null)
        {
            return Problems.NotFound("No such role assignment.");
        }

        // Department and partner roles have no node; only an administrator at a tree root may revoke them.
        var path = assignment.Node?.Path;
        var allowed = path is not null
            ? await scope.CanAsync(Permission.ManageStaff, path, cancellationToken)
            : await scope.CanAtRootAsync(Permission.ManageStaff, cancellationToken);
        if (!allowed)
        {
            return Problems.Forbidden();
        }

        db.RoleAssignments.Remove(assignment);
        await audit.RecordAsync(AuditAction.Delete, "revoke role", [new AuditedRecord("role", assignmentId.ToString(System.Globalization.CultureInfo.InvariantCulture), assignment.UserId, path)], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<RoleAssignment> AddAsync(Guid userId, ResolvedGrant grant, LinliDb db, AuditLog audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var assignment = new RoleAssignment
        {
            UserId = userId,
            Role = grant.Role,
            NodeId = grant.NodeId,
            DepartmentId = grant.DepartmentId,
            PartnerId = grant.PartnerId,
            GrantedAt = clock.GetUtcNow(),
        };
        db.RoleAssignments.Add(assignment);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditAction.Create, "grant role", [new AuditedRecord("role", assignment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), userId, grant.ScopePath)], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return assignment;
    }

    private static HeldRoleDto Describe(int id, ResolvedGrant grant) =>
        new(id, grant.Role.ToString(), grant.NodeCode, grant.NodeName, grant.DepartmentCode, grant.PartnerId, true);
}
