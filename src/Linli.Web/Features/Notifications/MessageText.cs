using Microsoft.Extensions.Options;

namespace Linli.Web.Features.Notifications;

/// <summary>
/// The final text of a message, made at send time: the body, then its link, a broadcast's acknowledgement link (signed
/// with the message's own id, which exists only once the row is stored) and, for follow-ups and broadcasts by email
/// or SMS, the unsubscribe link naming the address.
/// </summary>
public sealed class MessageText(NotificationKeys keys, IOptions<NotificationOptions> options)
{
    public string Render(OutboxMessage message)
    {
        var lines = new List<string> { message.Body };
        if (message.Link is { } link && !message.Body.Contains(link, StringComparison.Ordinal))
        {
            lines.Add(Absolute(link));
        }

        if (message.BroadcastId is not null)
        {
            lines.Add($"确认收到 Acknowledge: {AckLink(message.Id)}");
        }

        if (CarriesUnsubscribe(message))
        {
            lines.Add($"退订 Unsubscribe: {UnsubscribeLink(message.Recipient)}");
            if (message.Channel == NotificationChannel.Sms)
            {
                lines.Add("回复 TD 退订 / reply STOP to opt out");
            }
        }

        return string.Join('\n', lines);
    }

    public static bool CarriesUnsubscribe(OutboxMessage message) =>
        IsOptional(message.Purpose) && message.Channel is NotificationChannel.Email or NotificationChannel.Sms;

    /// <summary>Purposes an address may opt out of; service and urgent messages are not among them.</summary>
    public static bool IsOptional(NoticePurpose purpose) => purpose is NoticePurpose.FollowUp or NoticePurpose.Broadcast;

    public string AckLink(long messageId) => Absolute("/ack/" + keys.Sign(TokenPurpose.Acknowledge, messageId));

    public string UnsubscribeLink(string address) => Absolute("/unsubscribe/" + keys.Sign(TokenPurpose.Unsubscribe, address));

    // Not Uri.TryCreate(…, UriKind.Absolute): on Unix it takes "/path" for an absolute file URI.
    private string Absolute(string link) =>
        link.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || link.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            ? link
            : options.Value.PublicBaseUrl.TrimEnd('/') + "/" + link.TrimStart('/');
}
