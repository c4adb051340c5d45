namespace Linli.Web.Features.Notifications;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<NotificationChannel>))]
public enum NotificationChannel
{
    Email,
    Sms,

    /// <summary>Shown in the recipient's Linli inbox; the recipient is the account id.</summary>
    InApp,

    /// <summary>A WeCom (企业微信) group robot; the recipient is the robot's name in configuration.</summary>
    WeCom,
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

    /// <summary>The account the message is for, when it is for one (not for an address given without an account).</summary>
    public Guid? UserId { get; set; }

    public NoticePurpose Purpose { get; set; }

    /// <summary>A path or URL the reader can open; channels with room for it show it.</summary>
    public string? Link { get; set; }
    public long? CaseId { get; set; }
    public Cases.Case? Case { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Set when the message is given up after too many failures.</summary>
    public DateTimeOffset? AbandonedAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>The broadcast this message is part of; its text carries an acknowledgement link for this message.</summary>
    public long? BroadcastId { get; set; }

    /// <summary>For a broadcast: the path of the node the recipient was reached through, for counts per child node.</summary>
    public string? AudiencePath { get; set; }

    /// <summary>When the recipient tapped the broadcast's acknowledgement link.</summary>
    public DateTimeOffset? AcknowledgedAt { get; set; }

    /// <summary>When the recipient marked an in-app message read.</summary>
    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>A sender claims a batch by setting these, so two server instances never send the same message.</summary>
    public string? LockedBy { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
}
