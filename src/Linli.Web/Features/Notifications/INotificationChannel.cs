namespace Linli.Web.Features.Notifications;

/// <summary>
/// Delivers outbox messages of one <see cref="NotificationChannel"/>. Register one per channel (scoped: it lives for one
/// delivery pass, so it may keep a connection open across that pass's messages). Messages of a channel with no
/// registered sender wait in the outbox until one is registered.
/// </summary>
public interface INotificationChannel
{
    NotificationChannel Channel { get; }

    /// <summary>Sends one message; throws when it was not accepted, and the outbox tries again later.</summary>
    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}
