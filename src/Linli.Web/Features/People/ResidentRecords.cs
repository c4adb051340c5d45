using Linli.Web.Data;
using Linli.Web.Features.Audit;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.People;

/// <summary>Staff reads of residents' contact details: scoped to the reader's subtree and every read audited.</summary>
public static class ResidentRecords
{
    public const int PageSize = 200;

    public static async Task<Results<Ok<List<ResidentRecord>>, ProblemHttpResult>> ListAsync(
        string code, string? purpose, LinliDb db, ScopeAuthorizer scope, AuditLog audit, CancellationToken cancellationToken)
    {
        var path = await db.Nodes.Where(n => n.Code == code).Select(n => n.Path).FirstOrDefaultAsync(cancellationToken);
        if (path is null)
        {
            return Problems.NotFound($"No node has the code {code}.");
        }

        if (!await scope.CanAsync(Permission.ReadResidents, path, cancellationToken))
        {
            return Problems.Forbidden();
        }

        var rows = await Project(db.HouseholdLinks.Where(h => h.Unit!.Path.StartsWith(path)).OrderBy(h => h.Unit!.Code).ThenBy(h => h.User!.DisplayName))
            .Take(PageSize).ToListAsync(cancellationToken);
        await audit.RecordReadsAsync(Purpose(purpose, "household list"), rows.Select(Audited), cancellationToken);
        return TypedResults.Ok(rows.Select(r => r.ToRecord()).ToList());
    }

    public static async Task<Results<Ok<ResidentRecord>, ProblemHttpResult>> GetAsync(
        Guid id, string? purpose, LinliDb db, ScopeAuthorizer scope, AuditLog audit, CancellationToken cancellationToken)
    {
        var row = await Project(db.HouseholdLinks.Where(h => h.UserId == id)).FirstOrDefaultAsync(cancellationToken);

        // A resident with no household link is outside every staff scope, so the answer is the same as for a stranger.
        if (row is null || !await scope.CanAsync(Permission.ReadResidents, row.UnitPath, cancellationToken))
        {
            return row is null ? Problems.NotFound("No resident with a household in your area has this id.") : Problems.Forbidden();
        }

        await audit.RecordReadsAsync(Purpose(purpose, "resident record"), [Audited(row)], cancellationToken);
        return TypedResults.Ok(row.ToRecord());
    }

    private static string Purpose(string? given, string fallback) =>
        string.IsNullOrWhiteSpace(given) ? fallback : given.Trim()[..Math.Min(given.Trim().Length, 200)];

    private static AuditedRecord Audited(Row row) => new("resident", row.Id.ToString(), row.Id, row.UnitPath);

    private static IQueryable<Row> Project(IQueryable<HouseholdLink> links) =>
        links.AsNoTracking().Select(h => new Row(h.UserId, h.User!.DisplayName, h.User.PhoneNumber, h.User.Email, h.Unit!.Code, h.Unit.Name, h.Unit.Path));

    private sealed record Row(Guid Id, string DisplayName, string? Phone, string? Email, string UnitCode, string UnitName, string UnitPath)
    {
        public ResidentRecord ToRecord() => new(Id, DisplayName, Phone, Email, UnitCode, UnitName);
    }
}
