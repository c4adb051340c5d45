using Linli.Web.Data;
using Linli.Web.Infrastructure.Auth;

namespace Linli.Web.Features.Audit;

/// <summary>A personal record that was read or changed, and whose it is.</summary>
public sealed record AuditedRecord(string RecordType, string RecordId, Guid? SubjectUserId, string? NodePath);

/// <summary>Appends entries for every staff read or change of personal data. Entries are saved with the caller's unit of work.</summary>
public sealed class AuditLog(LinliDb db, CurrentUser currentUser, TimeProvider clock)
{
    public async Task RecordAsync(AuditAction action, string purpose, IEnumerable<AuditedRecord> records, CancellationToken cancellationToken = default)
    {
        var roles = await currentUser.RolesAsync(cancellationToken);
        var actorRole = roles.Count == 0 ? null : string.Join(',', roles.Select(r => $"{r.Role}@{r.NodeCode ?? r.DepartmentId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}").Distinct().Take(5));
        var now = clock.GetUtcNow();
        foreach (var record in records)
        {
            db.AuditEntries.Add(new AuditEntry
            {
                At = now,
                ActorUserId = currentUser.Id,
                ActorName = currentUser.Name,
                ActorRole = actorRole,
                Action = action,
                RecordType = record.RecordType,
                RecordId = record.RecordId,
                SubjectUserId = record.SubjectUserId,
                Purpose = purpose,
                NodePath = record.NodePath,
            });
        }
    }

    /// <summary>Records and saves at once, for reads where nothing else is being saved.</summary>
    public async Task RecordReadsAsync(string purpose, IEnumerable<AuditedRecord> records, CancellationToken cancellationToken = default)
    {
        await RecordAsync(AuditAction.Read, purpose, records, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
