using Linli.Web.Data;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Tree;

public sealed record PersonInRole(string Name, string Role, string NodeCode, string NodeName);

public static class PeopleInRoles
{
    /// <summary>Who holds a role at the node and at its children: names and roles only, for staff covering the node.</summary>
    public static async Task<Results<Ok<List<PersonInRole>>, ProblemHttpResult>> HandleAsync(
        string code, LinliDb db, ScopeAuthorizer scope, CancellationToken cancellationToken)
    {
        var node = await db.Nodes.AsNoTracking().Where(n => n.Code == code).Select(n => new { n.Id, n.Path }).FirstOrDefaultAsync(cancellationToken);
        if (node is null)
        {
            return Problems.NotFound($"No node has the code {code}.");
        }

        if (!await scope.CanAsync(Permission.ViewPeopleInRoles, node.Path, cancellationToken))
        {
            return Problems.Forbidden();
        }

        var people = await db.RoleAssignments.AsNoTracking()
            .Where(a => a.Node != null && (a.NodeId == node.Id || a.Node.ParentId == node.Id))
            .OrderBy(a => a.Node!.Code).ThenBy(a => a.Role)
            .Select(a => new { a.User!.DisplayName, a.Role, a.Node!.Code, a.Node.Name })
            .Take(500)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(people.Select(p => new PersonInRole(p.DisplayName, p.Role.ToString(), p.Code, p.Name)).ToList());
    }
}
