using Linli.Web.Data;
using Linli.Web.Infrastructure;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Notifications;

/// <summary>A signed-in person reads and changes their own notification settings.</summary>
public sealed class NotificationPreferences(LinliDb db, OptOuts optOuts, TimeProvider clock)
{
    public async Task<PreferencesView> GetAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var contact = await ContactAsync(userId, cancellationToken);
        var p = await db.NotificationPreferences.AsNoTracking().SingleOrDefaultAsync(x => x.UserId == userId, cancellationToken)
            ?? new NotificationPreference { UserId = userId };
        return new PreferencesView(p.Order, p.Updates, p.FollowUps, p.Broadcasts, p.QuietStartsAtHour, p.QuietEndsAtHour, contact.Email, contact.Phone,
            contact.Email is not null && await optOuts.IsOptedOutAsync(contact.Email, cancellationToken),
            contact.Phone is not null && await optOuts.IsOptedOutAsync(contact.Phone, cancellationToken));
    }

    /// <summary>Checks every field before changing anything, so a refusal stores nothing.</summary>
    public async Task<PreferencesView> UpdateAsync(Guid userId, PreferencesRequest request, CancellationToken cancellationToken = default)
    {
        var contact = await ContactAsync(userId, cancellationToken);
        var p = await db.NotificationPreferences.SingleOrDefaultAsync(x => x.UserId == userId, cancellationToken);
        var isNew = p is null;
        p ??= new NotificationPreference { UserId = userId };

        var order = request.ChannelOrder is null ? p.ChannelOrder : Order(request.ChannelOrder);
        var updates = Choice("updates", request.Updates, p.Updates, contact);
        var followUps = Choice("followUps", request.FollowUps, p.FollowUps, contact);
        var broadcasts = Choice("broadcasts", request.Broadcasts, p.Broadcasts, contact);
        var start = Hour("quietStartsAtHour", request.QuietStartsAtHour ?? p.QuietStartsAtHour);
        var end = Hour("quietEndsAtHour", request.QuietEndsAtHour ?? p.QuietEndsAtHour);

        (p.ChannelOrder, p.Updates, p.FollowUps, p.Broadcasts, p.QuietStartsAtHour, p.QuietEndsAtHour, p.UpdatedAt) =
            (order, updates, followUps, broadcasts, start, end, clock.GetUtcNow());
        if (isNew)
        {
            db.NotificationPreferences.Add(p);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (request.Resubscribe == true)
        {
            foreach (var address in new[] { contact.Email, contact.Phone }.OfType<string>())
            {
                await optOuts.ResubscribeAsync(address, cancellationToken);
            }
        }

        return await GetAsync(userId, cancellationToken);
    }

    private async Task<Contact> ContactAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new Contact(u.Id, u.EmailConfirmed ? u.Email : null, u.PhoneNumberConfirmed ? u.PhoneNumber : null))
            .SingleOrDefaultAsync(cancellationToken) ?? throw new DomainRuleException("user", "No such account.", StatusCodes.Status404NotFound);

    private static string Order(IReadOnlyList<string> order)
    {
        var parsed = order.Select(o => EnumNames.TryParse<NotificationChannel>(o, out var c) ? c : (NotificationChannel?)null).ToList();
        if (parsed.Count != 3 || parsed.Any(c => c is null or NotificationChannel.WeCom) || parsed.Distinct().Count() != 3)
        {
            throw new DomainRuleException("channelOrder", "channelOrder lists email, sms and inApp, each once");
        }

        return string.Join(',', parsed);
    }

    private static DeliveryChoice Choice(string field, string? value, DeliveryChoice current, Contact contact)
    {
        if (value is null)
        {
            return current;
        }

        if (!EnumNames.TryParse<DeliveryChoice>(value, out var choice))
        {
            throw new DomainRuleException(field, $"{field} is off, preferred, email, sms or inApp");
        }

        if ((choice == DeliveryChoice.Email && contact.Email is null) || (choice == DeliveryChoice.Sms && contact.Phone is null))
        {
            throw new DomainRuleException(field, $"{field}: the account has no confirmed {(choice == DeliveryChoice.Email ? "email" : "phone number")}");
        }

        return choice;
    }

    private static int Hour(string field, int hour) =>
        hour is >= 0 and <= 23 ? hour : throw new DomainRuleException(field, $"{field} is an hour from 0 to 23");
}
