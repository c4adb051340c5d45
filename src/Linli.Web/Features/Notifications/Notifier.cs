using Linli.Web.Data;
using Linli.Web.Features.People;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Notifications;

/// <summary>
/// The one way a feature tells people something: it addresses a <see cref="Notice"/> and adds the messages to the
/// outbox in the caller's unit of work (the caller saves), so the change and the promise to tell of it commit together.
/// Each person's preferences choose the channel (or none, for what they switched off; service and urgent messages
/// always go somewhere) and their quiet hours move non-urgent messages to the morning. Follow-ups and broadcasts never
/// go to an address that opted out. Delivery, retries and status are the outbox sender's job.
/// </summary>
public sealed class Notifier(LinliDb db, TimeProvider clock, OptOuts optOuts)
{
    /// <summary>Addresses <paramref name="notice"/> to accounts, each on the channel their preferences pick; returns the messages added.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> ToUsersAsync(IEnumerable<Guid> userIds, Notice notice, CancellationToken cancellationToken = default)
    {
        var ids = userIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var contacts = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new Contact(u.Id, u.EmailConfirmed ? u.Email : null, u.PhoneNumberConfirmed ? u.PhoneNumber : null))
            .ToListAsync(cancellationToken);
        var preferences = await db.NotificationPreferences.AsNoTracking().Where(p => ids.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, cancellationToken);
        var optedOut = MessageText.IsOptional(notice.Purpose)
            ? await optOuts.OptedOutAmongAsync(contacts.SelectMany(c => new[] { c.Email, c.Phone }).OfType<string>(), cancellationToken)
            : [];

        var messages = new List<OutboxMessage>();
        foreach (var contact in contacts)
        {
            var preference = preferences.GetValueOrDefault(contact.Id) ?? new NotificationPreference { UserId = contact.Id };
            if (ChannelFor(contact, preference, notice.Purpose, optedOut) is { } channel)
            {
                messages.Add(Message(channel, Address(contact, channel), notice, contact.Id, preference.Quiet));
            }
        }

        db.Outbox.AddRange(messages);
        return messages;
    }

    /// <summary>
    /// Addresses <paramref name="notice"/> to a phone number or email given without an account; null when it is
    /// neither, or when the address opted out of this kind of message.
    /// </summary>
    public async Task<OutboxMessage?> ToAddressAsync(string address, Notice notice, CancellationToken cancellationToken = default)
    {
        if (MessageText.IsOptional(notice.Purpose) && await optOuts.IsOptedOutAsync(address, cancellationToken))
        {
            return null;
        }

        return ToAddress(address, notice);
    }

    /// <summary>Addresses <paramref name="notice"/> to a phone number or email given without an account; null when it is neither.</summary>
    /// <remarks>It cannot check opt-outs without a query: for follow-ups and broadcasts use <see cref="ToAddressAsync"/>
    /// (the outbox sender also drops such messages to an opted-out address rather than send them).</remarks>
    public OutboxMessage? ToAddress(string address, Notice notice)
    {
        if (!ContactAddress.TryNormalise(address, out var normalised, out var isEmail))
        {
            return null;
        }

        var message = Message(isEmail ? NotificationChannel.Email : NotificationChannel.Sms, normalised, notice, null, QuietHours.Default);
        db.Outbox.Add(message);
        return message;
    }

    /// <summary>The channel a person gets a message of <paramref name="purpose"/> on, or null when they switched it off.</summary>
    public static NotificationChannel? ChannelFor(Contact contact, NotificationPreference preference, NoticePurpose purpose, IReadOnlySet<string> optedOut)
    {
        var choice = preference.For(purpose);
        if (choice == DeliveryChoice.Off)
        {
            return null;
        }

        bool Reachable(NotificationChannel c) => c switch
        {
            NotificationChannel.Email => contact.Email is not null && !optedOut.Contains(contact.Email),
            NotificationChannel.Sms => contact.Phone is not null && !optedOut.Contains(contact.Phone),
            _ => true,
        };

        var wanted = choice switch
        {
            DeliveryChoice.Email => NotificationChannel.Email,
            DeliveryChoice.Sms => NotificationChannel.Sms,
            DeliveryChoice.InApp => NotificationChannel.InApp,
            _ => (NotificationChannel?)null,
        };
        return wanted is { } w && Reachable(w) ? w : preference.Order.First(Reachable);
    }

    private static string Address(Contact contact, NotificationChannel channel) => channel switch
    {
        NotificationChannel.Email => contact.Email!,
        NotificationChannel.Sms => contact.Phone!,
        _ => contact.Id.ToString(),
    };

    private OutboxMessage Message(NotificationChannel channel, string recipient, Notice notice, Guid? userId, QuietHours quiet)
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
            NextAttemptAt = notice.WaitsOutQuietHours ? quiet.NextAllowed(now) : now,
        };
    }
}

/// <summary>A person's confirmed contacts (null where unconfirmed).</summary>
public sealed record Contact(Guid Id, string? Email, string? Phone);
