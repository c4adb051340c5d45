using Linli.Web.Data;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Linli.Web.Infrastructure;

namespace Linli.Web.Features.Departments;

public sealed record DepartmentDto(string Code, string Name, string? NameEn, string Kind, IReadOnlyList<string> AreaCodes, IReadOnlyList<string> CategoryCodes);

public sealed record SaveDepartmentRequest(string? Code, string? Name, string? NameEn, string? Kind, List<string>? AreaCodes, List<string>? CategoryCodes);

public static class DepartmentsApi
{
    public static RouteGroupBuilder MapDepartmentsApi(this IEndpointRouteBuilder app)
    {
        var departments = app.MapGroup("/api/v1/departments").WithTags("Departments");
        departments.MapGet("/", ListAsync);
        departments.MapPost("/", SaveAsync).RequireAuthorization();
        return departments;
    }

    /// <summary>Departments are public: who handles what, where.</summary>
    public static async Task<Ok<List<DepartmentDto>>> ListAsync(LinliDb db, CancellationToken cancellationToken)
    {
        var rows = await db.Departments.AsNoTracking().OrderBy(d => d.Code)
            .Select(d => new { d.Code, d.Name, d.NameEn, d.Kind, Areas = d.Areas.Select(a => a.Node!.Code).ToList(), d.CategoryCodes })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(d => new DepartmentDto(d.Code, d.Name, d.NameEn, d.Kind.ToString(), d.Areas, d.CategoryCodes)).ToList());
    }

    /// <summary>Creates or replaces a department; every area it covers must lie inside the administrator's subtree.</summary>
    public static async Task<Results<Ok<DepartmentDto>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        SaveDepartmentRequest request, LinliDb db, ScopeAuthorizer scope, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Code) || request.Code.Length > 40)
        {
            return Problems.Invalid("code", "code is required (at most 40 characters)");
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
        {
            return Problems.Invalid("name", "name is required (at most 100 characters)");
        }

        if (!EnumNames.TryParse<DepartmentKind>(request.Kind, out var kind))
        {
            return Problems.Invalid("kind", $"kind must be one of {string.Join(", ", Enum.GetNames<DepartmentKind>())}");
        }

        var areaCodes = (request.AreaCodes ?? []).Distinct().ToList();
        if (areaCodes.Count == 0)
        {
            return Problems.Invalid("areaCodes", "a department covers at least one node of the tree");
        }

        var areas = await db.Nodes.AsNoTracking().Where(n => areaCodes.Contains(n.Code)).Select(n => new { n.Id, n.Code, n.Path }).ToListAsync(cancellationToken);
        var unknown = areaCodes.Except(areas.Select(a => a.Code)).ToList();
        if (unknown.Count > 0)
        {
            return Problems.Invalid("areaCodes", $"unknown node(s): {string.Join(", ", unknown)}");
        }

        foreach (var area in areas)
        {
            if (!await scope.CanAsync(Permission.ManageDepartments, area.Path, cancellationToken))
            {
                return Problems.Forbidden($"Area {area.Code} is outside the part of the tree you administer.");
            }
        }

        var department = await db.Departments.Include(d => d.Areas).FirstOrDefaultAsync(d => d.Code == request.Code, cancellationToken);
        if (department is not null)
        {
            var oldPaths = await db.DepartmentAreas.Where(a => a.DepartmentId == department.Id).Select(a => a.Node!.Path).ToListAsync(cancellationToken);
            foreach (var path in oldPaths)
            {
                if (!await scope.CanAsync(Permission.ManageDepartments, path, cancellationToken))
                {
                    return Problems.Forbidden("This department also serves areas outside your part of the tree.");
                }
            }
        }
        else
        {
            department = new Department { Code = request.Code.Trim(), Name = "" };
            db.Departments.Add(department);
        }

        department.Name = request.Name.Trim();
        department.NameEn = request.NameEn;
        department.Kind = kind;
        department.CategoryCodes = (request.CategoryCodes ?? []).Distinct().ToList();
        department.Areas.Clear();
        department.Areas.AddRange(areas.Select(a => new DepartmentArea { NodeId = a.Id }));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new DepartmentDto(department.Code, department.Name, department.NameEn, kind.ToString(), areaCodes, department.CategoryCodes));
    }
}
