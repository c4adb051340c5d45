using Linli.Web.Data;
using Linli.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Cases;

public static class CategoryQueries
{
    public static async Task<Ok<List<CategoryDto>>> ListAsync(LinliDb db, CancellationToken cancellationToken)
    {
        var rows = await WithDepartment(db.CaseCategories.OrderBy(c => c.Group).ThenBy(c => c.Code)).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(r => CategoryDto.From(r.Category, r.DepartmentCode)).ToList());
    }

    public static async Task<Results<Ok<CategoryDto>, ProblemHttpResult>> GetAsync(string code, LinliDb db, CancellationToken cancellationToken)
    {
        var row = await WithDepartment(db.CaseCategories.Where(c => c.Code == code)).FirstOrDefaultAsync(cancellationToken);
        return row is null
            ? Problems.NotFound($"No category has the code {code}.")
            : TypedResults.Ok(CategoryDto.From(row.Category, row.DepartmentCode));
    }

    private sealed record Row(CaseCategory Category, string? DepartmentCode);

    private static IQueryable<Row> WithDepartment(IQueryable<CaseCategory> categories) =>
        categories.AsNoTracking().Select(c => new Row(c, c.HandlerDepartment == null ? null : c.HandlerDepartment.Code));
}
