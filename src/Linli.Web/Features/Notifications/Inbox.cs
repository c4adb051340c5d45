using Linli.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Notifications;

/// <summary>A signed-in person's own messages: the in-app ones to read, and the delivery status of every message to them.</summary>
public sealed class Inbox(LinliDb db, TimeProvider clock)
{
    public const int MaxItems = 100;

    public async Task<IReadOnlyList<InboxItem>> ListAsync(Guid userId, CancellationToken cancellationToken = default) =>
        await db.Outbox.AsNoTracking().Where(m => m.UserId == userId)
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(MaxItems)
            .Select(m => new InboxItem(m.Id, m.Channel, m.Purpose, m.Subject, m.Body, m.Link, m.CreatedAt,
                m.SentAt != null ? DeliveryStatus.Sent : m.AbandonedAt != null ? DeliveryStatus.Abandoned : m.Attempts > 0 ? DeliveryStatus.Failed : DeliveryStatus.Queued,
                m.SentAt, m.ReadAt))
            .ToListAsync(cancellationToken);

    public Task<int> UnreadAsync(Guid userId, CancellationToken cancellationToken = default) =>
        db.Outbox.CountAsync(m => m.UserId == userId && m.Channel == NotificationChannel.InApp && m.SentAt != null && m.ReadAt == null, cancellationToken);

    /// <summary>Marks one delivered in-app message read, or all of them when <paramref name="id"/> is null.</summary>
    public Task<int> MarkReadAsync(Guid userId, long? id, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        return db.Outbox.Where(m => m.UserId == userId && m.Channel == NotificationChannel.InApp && m.SentAt != null && m.ReadAt == null && (id == null || m.Id == id))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAt, now), cancellationToken);
    }
}
