namespace Linli.Web.Features.Notifications;

public enum NotificationChannel
{
    Email,
    Sms,
}

/// <summary>
/// A message waiting to be sent, written in the same transaction as the change it tells of, so a committed change is
/// never left untold and a rolled-back one is never told.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public NotificationChannel Channel { get; set; }
    public required string Recipient { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public long? CaseId { get; set; }
    public Cases.Case? Case { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Set when the message is given up after too many failures.</summary>
    public DateTimeOffset? AbandonedAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>A sender claims a batch by setting these, so two server instances never send the same message.</summary>
    public string? LockedBy { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
}
