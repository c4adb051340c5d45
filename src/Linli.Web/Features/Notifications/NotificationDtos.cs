namespace Linli.Web.Features.Notifications;

public sealed record PreferencesView(
    IReadOnlyList<NotificationChannel> ChannelOrder, DeliveryChoice Updates, DeliveryChoice FollowUps, DeliveryChoice Broadcasts,
    int QuietStartsAtHour, int QuietEndsAtHour, string? Email, string? Phone, bool EmailOptedOut, bool PhoneOptedOut);

/// <summary>Every field optional: what is left out keeps its value. <c>Resubscribe</c> lifts the opt-out of the account's own addresses.</summary>
public sealed record PreferencesRequest(
    IReadOnlyList<string>? ChannelOrder = null, string? Updates = null, string? FollowUps = null, string? Broadcasts = null,
    int? QuietStartsAtHour = null, int? QuietEndsAtHour = null, bool? Resubscribe = null);

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<DeliveryStatus>))]
public enum DeliveryStatus
{
    Queued,
    Sent,

    /// <summary>Tried and failed; it will be tried again.</summary>
    Failed,
    Abandoned,
}

public sealed record InboxItem(
    long Id, NotificationChannel Channel, NoticePurpose Purpose, string Subject, string Body, string? Link, DateTimeOffset CreatedAt,
    DeliveryStatus Status, DateTimeOffset? SentAt, DateTimeOffset? ReadAt);

public sealed record MarkReadRequest(long? Id = null);

public sealed record InboundSms(string? From, string? Text);

public sealed record BroadcastRequest(string? NodeCode, string? Audience, string? Text, bool Urgent = false, string? WeComRobot = null, int? CampaignId = null);

public sealed record BroadcastSummary(long Id, string NodeCode, string NodeName, BroadcastAudience Audience, string Text, bool Urgent, DateTimeOffset CreatedAt, int Recipients, int? CampaignId = null);

public sealed record StatusCounts(int Queued, int Sent, int Failed, int Abandoned, int Acknowledged);

public sealed record ChildCounts(string Code, string Name, string? NameEn, int Recipients, int Sent, int Acknowledged);

/// <summary>One grid's share of a broadcast: how many of its recipients were sent the notice and acknowledged it.</summary>
public sealed record GridCounts(string Code, string Name, string? NameEn, int Recipients, int Sent, int Acknowledged)
{
    public double AcknowledgedShare => Recipients == 0 ? 0 : (double)Acknowledged / Recipients;
}

/// <summary>The grids under a node of a broadcast, least acknowledged first (then the most recipients).</summary>
public sealed record GridAcknowledgements(long BroadcastId, string NodeCode, string NodeName, IReadOnlyList<GridCounts> Grids);

public sealed record BroadcastDetail(BroadcastSummary Broadcast, StatusCounts Counts, IReadOnlyList<ChildCounts> Children, string? WeComRobot);

/// <summary>What an acknowledgement link shows before the recipient confirms: the notice, and whether it is already acknowledged.</summary>
public sealed record AcknowledgementView(string Subject, string Text, DateTimeOffset CreatedAt, DateTimeOffset? AcknowledgedAt);
