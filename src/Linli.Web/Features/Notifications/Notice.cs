namespace Linli.Web.Features.Notifications;

/// <summary>What a message is for. It decides whether quiet hours and a recipient's opt-out apply.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<NoticePurpose>))]
public enum NoticePurpose
{
    /// <summary>Tells someone of something of their own (their case, an order or task for them): sent at once.</summary>
    Service,

    /// <summary>Something a person follows changed (a post, a commitment, a plan): waits out quiet hours.</summary>
    Update,

    /// <summary>A satisfaction follow-up asking for a rating: waits out quiet hours, honours opt-out.</summary>
    FollowUp,

    /// <summary>A notice to everyone of a kind under a node: waits out quiet hours, honours opt-out.</summary>
    Broadcast,

    /// <summary>An emergency notice: sent at once, even in quiet hours.</summary>
    Urgent,
}

/// <summary>
/// One message to tell people, before it is addressed. Subject and body carry Chinese and English together, as every
/// Linli message does; <paramref name="Link"/> is a path or absolute URL the reader can open.
/// </summary>
public sealed record Notice(NoticePurpose Purpose, string Subject, string Body, string? Link = null, long? CaseId = null)
{
    public bool WaitsOutQuietHours => Purpose is NoticePurpose.Update or NoticePurpose.FollowUp or NoticePurpose.Broadcast;
}
