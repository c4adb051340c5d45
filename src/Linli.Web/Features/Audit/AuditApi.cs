using Linli.Web.Data;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Audit;

public sealed record AuditEntryDto(long Id, DateTimeOffset At, Guid? ActorUserId, string? ActorName, string? ActorRole, string Action, string RecordType, string RecordId, Guid? SubjectUserId, string Purpose);

public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        // Search only: the application offers no way to edit or delete an entry.
        var audit = app.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization();
        audit.MapGet("/", SearchAsync);
        return audit;
    }

    /// <summary>Administrators search entries about records in their own subtree.</summary>
    public static async Task<Results<Ok<List<AuditEntryDto>>, ProblemHttpResult>> SearchAsync(
        Guid? subject, Guid? actor, string? recordType, DateTimeOffset? from, DateTimeOffset? to, long? before,
        LinliDb db, ScopeAuthorizer scope, CancellationToken cancellationToken)
    {
        var held = await scope.RolesGrantingAsync(Permission.SearchAudit, cancellationToken);
        var roots = held.Select(r => r.NodePath).OfType<string>().ToList();
        if (roots.Count == 0)
        {
            return Problems.Forbidden("Only administrators may search the audit log.");
        }

        var entries = db.AuditEntries.AsNoTracking();

        // Entries with no place in the tree are visible only to administrators of a whole city (a root).
        var seesUnplaced = held.Any(r => r.IsAtRoot);
        entries = entries.Where(e => (e.NodePath == null && seesUnplaced) || roots.Any(r => e.NodePath!.StartsWith(r)));
        if (subject is not null)
        {
            entries = entries.Where(e => e.SubjectUserId == subject);
        }

        if (actor is not null)
        {
            entries = entries.Where(e => e.ActorUserId == actor);
        }

        if (!string.IsNullOrWhiteSpace(recordType))
        {
            entries = entries.Where(e => e.RecordType == recordType);
        }

        if (from is not null)
        {
            entries = entries.Where(e => e.At >= from);
        }

        if (to is not null)
        {
            entries = entries.Where(e => e.At < to);
        }

        if (before is not null)
        {
            entries = entries.Where(e => e.Id < before);
        }

        var page = await entries.OrderByDescending(e => e.Id).Take(200).ToListAsync(cancellationToken);
        return TypedResults.Ok(page.Select(e => new AuditEntryDto(e.Id, e.At, e.ActorUserId, e.ActorName, e.ActorRole, e.Action.ToString(), e.RecordType, e.RecordId, e.SubjectUserId, e.Purpose)).ToList());
    }
}
