namespace Linli.Web.Features.Channels;

/// <summary>A channel in the caller's list: what it is about and how many messages from others they have not read.</summary>
public sealed record ChannelSummary(long Id, ChannelKind Kind, string Name, string? NameEn, string NodeCode, int? CampaignId, int Unread, DateTimeOffset? LastMessageAt);

/// <summary>A message as members see it; <see cref="ReadBy"/> of <see cref="Of"/> members other than the sender have read it.</summary>
public sealed record MessageView(
    long Id, Guid SenderId, string Sender, bool Mine, string? Text, double? Latitude, double? Longitude, string? PhotoUrl,
    DateTimeOffset SentAt, bool Pinned, int ReadBy, int Of);

/// <summary>One page of history, newest first; <see cref="Before"/> asks for the next older page.</summary>
public sealed record ChannelHistory(
    ChannelSummary Channel, int Members, bool MayPin, long LastReadMessageId, IReadOnlyList<MessageView> Pinned, IReadOnlyList<MessageView> Messages, long? Before);

/// <summary>Who has read a message, for its sender only.</summary>
public sealed record ReaderView(string Name, DateTimeOffset ReadAt);

public sealed record OpenChannelRequest(string? NodeCode, int? CampaignId);

public sealed record SendMessageRequest(string? Text, double? Latitude, double? Longitude);

public sealed record ReadRequest(long? UpTo);

/// <summary>What the hub pushes when a member's read pointer moves: messages in (From, To] not sent by them gain a reader.</summary>
public sealed record ReadEvent(long ChannelId, Guid ReaderId, long From, long To);

public sealed record PinEvent(long ChannelId, long MessageId, bool Pinned);
