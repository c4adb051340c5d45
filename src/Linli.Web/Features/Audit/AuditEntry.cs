namespace Linli.Web.Features.Audit;

public enum AuditAction
{
    Read,
    Create,
    Update,
    Delete,
}

/// <summary>
/// One access to or change of personal data. Append-only: the application never updates or deletes these rows,
/// and database triggers refuse it too.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? ActorUserId { get; set; }
    public string? ActorName { get; set; }
    public string? ActorRole { get; set; }
    public AuditAction Action { get; set; }
    public required string RecordType { get; set; }
    public required string RecordId { get; set; }

    /// <summary>The resident whose data it is, so they can see who accessed it.</summary>
    public Guid? SubjectUserId { get; set; }

    public required string Purpose { get; set; }

    /// <summary>Path of the tree node the record belongs to, so administrators search only their own subtree.</summary>
    public string? NodePath { get; set; }
}
