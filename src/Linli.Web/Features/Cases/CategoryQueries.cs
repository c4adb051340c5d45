using Linli.Web.Data;
using Linli.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Cases;

public static class CategoryQueries
{
    public static async Task<Ok<List<CategoryDto>>> ListAsync(LinliDb db, CancellationToken cancellationToken)
    {
        var rows = await db.CaseCategories.AsNoTracking().OrderBy(c => c.Group).ThenBy(c => c.Code)
            .Select(c => new { Category = c, DepartmentCode = c.HandlerDepartment == null ? null : c.HandlerDepartment.Code })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(r => CategoryDto.From(r.Category, r.DepartmentCode)).ToList());
    }

    public static async Task<Results<Ok<CategoryDto>, ProblemHttpResult>> GetAsync(string code, LinliDb db, CancellationToken cancellationToken)
    {
        var row = await db.CaseCategories.AsNoTracking().Where(c => c.Code == code)
            .Select(c => new { Category = c, DepartmentCode = c.HandlerDepartment == null ? null : c.HandlerDepartment.Code })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null
            ? Problems.NotFound($"No category has the code {code}.")
            : TypedResults.Ok(CategoryDto.From(row.Category, row.DepartmentCode));
    }
}
