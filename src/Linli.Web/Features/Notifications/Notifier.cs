using Linli.Web.Data;
using Linli.Web.Features.People;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Notifications;

/// <summary>
/// The one way a feature tells people something: it addresses a <see cref="Notice"/> and adds the messages to the
/// outbox in the caller's unit of work (the caller saves), so the change and the promise to tell of it commit together.
/// Quiet hours move non-urgent messages to the morning; delivery, retries and status are the outbox sender's job.
/// </summary>
public sealed class Notifier(LinliDb db, TimeProvider clock)
{
    /// <summary>Addresses <paramref name="notice"/> to accounts, each on the channel it can be reached by; returns the messages added.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> ToUsersAsync(IEnumerable<Guid> userIds, Notice notice, CancellationToken cancellationToken = default)
    {
        var ids = userIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var contacts = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, Email = u.EmailConfirmed ? u.Email : null, Phone = u.PhoneNumberConfirmed ? u.PhoneNumber : null })
            .ToListAsync(cancellationToken);
        var messages = contacts.Select(c => c.Email is not null ? Message(NotificationChannel.Email, c.Email, notice, c.Id)
            : c.Phone is not null ? Message(NotificationChannel.Sms, c.Phone, notice, c.Id)
            : Message(NotificationChannel.InApp, c.Id.ToString(), notice, c.Id)).ToList();
        db.Outbox.AddRange(messages);
        return messages;
    }

    /// <summary>Addresses <paramref name="notice"/> to a phone number or email given without an account; null when it is neither.</summary>
    public OutboxMessage? ToAddress(string address, Notice notice)
    {
        if (!ContactAddress.TryNormalise(address, out var normalised, out var isEmail))
        {
            return null;
        }

        var message = Message(isEmail ? NotificationChannel.Email : NotificationChannel.Sms, normalised, notice, null);
        db.Outbox.Add(message);
        return message;
    }

    private OutboxMessage Message(NotificationChannel channel, string recipient, Notice notice, Guid? userId)
    {
        var now = clock.GetUtcNow();
        return new OutboxMessage
        {
            Channel = channel,
            Recipient = recipient,
            UserId = userId,
            Purpose = notice.Purpose,
            Subject = notice.Subject,
            Body = notice.Body,
            Link = notice.Link,
            CaseId = notice.CaseId,
            CreatedAt = now,
            NextAttemptAt = notice.WaitsOutQuietHours ? QuietHours.Default.NextAllowed(now) : now,
        };
    }
}
