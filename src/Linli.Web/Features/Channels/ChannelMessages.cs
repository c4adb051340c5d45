using System.Security.Claims;
using Linli.Web.Data;
using Linli.Web.Features.Cases.Intake;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Channels;

/// <summary>Sending to a channel and reading its history. Every check runs before anything is stored.</summary>
public sealed class ChannelMessages(LinliDb db, ChannelAccess access, ChannelDirectory directory, PhotoProcessor photos, ChannelEvents events, TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<MessageView> SendAsync(ClaimsPrincipal principal, long channelId, SendMessageRequest request, IReadOnlyList<IncomingPhoto> incoming, CancellationToken cancellationToken = default)
    {
        var (caller, channel) = await access.RequireMemberAsync(principal, channelId, cancellationToken);
        var errors = new List<SubmissionError>();
        var text = PlainText.Check("text", request.Text, ChannelMessage.MaxText, required: false, errors);
        var location = CheckLocation(request.Latitude, request.Longitude, errors);
        ProcessedPhoto? photo = null;
        if (incoming.Count > 1)
        {
            errors.Add(new("photo", "at most one photo per message"));
        }
        else if (incoming.Count == 1)
        {
            photo = photos.Process(incoming, "photo", errors) is [var processed] ? processed : null;
        }

        if (errors.Count == 0 && text is null && photo is null && location is null)
        {
            errors.Add(new("text", "send some text, a photo or a location"));
        }

        if (errors.Count > 0)
        {
            throw new SubmissionRejectedException(errors);
        }

        var message = new ChannelMessage
        {
            ChannelId = channel.Id, SenderId = caller.UserId, Text = text, Latitude = location?.Latitude, Longitude = location?.Longitude,
            HasPhoto = photo is not null, SentAt = clock.GetUtcNow(),
        };
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.ChannelMessages.Add(message);
            await db.SaveChangesAsync(cancellationToken);
            if (photo is not null)
            {
                db.ChannelPhotos.Add(new ChannelPhoto { MessageId = message.Id, Content = photo.Content, Width = photo.Width, Height = photo.Height });
                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        var members = await ChannelMembership.MemberIds(db, channel.Kind, channel.NodePath).CountAsync(cancellationToken);
        var name = await db.Users.AsNoTracking().Where(u => u.Id == caller.UserId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
        var view = new MessageView(message.Id, caller.UserId, name, true, text, message.Latitude, message.Longitude, PhotoUrl(message), message.SentAt, false, 0, Math.Max(0, members - 1));
        await events.MessageAsync(view, channel.Id, cancellationToken);
        return view;
    }

    public async Task<ChannelHistory> HistoryAsync(ClaimsPrincipal principal, long channelId, long? before, int? take, CancellationToken cancellationToken = default)
    {
        if (before is <= 0)
        {
            throw new DomainRuleException("before", "before must be a message id");
        }

        if (take is < 1 or > 200)
        {
            throw new DomainRuleException("take", "take must be between 1 and 200");
        }

        var (caller, channel) = await access.RequireMemberAsync(principal, channelId, cancellationToken);
        var members = (await ChannelMembership.MemberIds(db, channel.Kind, channel.NodePath).ToListAsync(cancellationToken)).ToHashSet();
        var marks = (await db.ChannelReadMarks.AsNoTracking().Where(r => r.ChannelId == channel.Id).Select(r => new { r.UserId, r.LastReadMessageId }).ToListAsync(cancellationToken))
            .Where(r => members.Contains(r.UserId)).ToList();
        var size = take ?? PageSize;
        var page = await Rows(channel.Id).Where(m => before == null || m.Id < before).OrderByDescending(m => m.Id).Take(size + 1).ToListAsync(cancellationToken);
        var pinned = await Rows(channel.Id).Where(m => m.Pinned).OrderByDescending(m => m.Id).ToListAsync(cancellationToken);

        MessageView View(Row m) => new(
            m.Id, m.SenderId, m.Sender ?? "", m.SenderId == caller.UserId, m.Text, m.Latitude, m.Longitude, m.HasPhoto ? $"/api/v1/channels/{channel.Id}/messages/{m.Id}/photo" : null,
            m.SentAt, m.Pinned, marks.Count(r => r.UserId != m.SenderId && r.LastReadMessageId >= m.Id), members.Count - (members.Contains(m.SenderId) ? 1 : 0));

        var summary = (await directory.SummariesAsync(caller.UserId, [channel.Id], cancellationToken)).Single();
        var lastRead = marks.Where(r => r.UserId == caller.UserId).Select(r => r.LastReadMessageId).FirstOrDefault();
        return new ChannelHistory(
            summary, members.Count, ChannelMembership.MayPin(caller.Roles, channel), lastRead, [.. pinned.Select(View)], [.. page.Take(size).Select(View)],
            page.Count > size ? page[size - 1].Id : null);
    }

    public async Task<ChannelPhoto?> PhotoAsync(ClaimsPrincipal principal, long channelId, long messageId, CancellationToken cancellationToken = default)
    {
        var (_, channel) = await access.RequireMemberAsync(principal, channelId, cancellationToken);
        return await db.ChannelPhotos.AsNoTracking()
            .Where(p => p.MessageId == messageId && db.ChannelMessages.Any(m => m.Id == messageId && m.ChannelId == channel.Id)).FirstOrDefaultAsync(cancellationToken);
    }

    private static string? PhotoUrl(ChannelMessage m) => m.HasPhoto ? $"/api/v1/channels/{m.ChannelId}/messages/{m.Id}/photo" : null;

    private static (double Latitude, double Longitude)? CheckLocation(double? latitude, double? longitude, List<SubmissionError> errors)
    {
        if (latitude is null && longitude is null)
        {
            return null;
        }

        if (latitude is not { } lat || !double.IsFinite(lat) || lat is < -90 or > 90)
        {
            errors.Add(new("latitude", "latitude must be a number from -90 to 90 (with a longitude)"));
            return null;
        }

        if (longitude is not { } lng || !double.IsFinite(lng) || lng is < -180 or > 180)
        {
            errors.Add(new("longitude", "longitude must be a number from -180 to 180 (with a latitude)"));
            return null;
        }

        return (lat, lng);
    }

    /// <summary>Built with an initializer, not a constructor, so EF can still filter and order on its members.</summary>
    private sealed class Row
    {
        public long Id { get; init; }
        public Guid SenderId { get; init; }
        public string? Sender { get; init; }
        public string? Text { get; init; }
        public double? Latitude { get; init; }
        public double? Longitude { get; init; }
        public bool HasPhoto { get; init; }
        public DateTimeOffset SentAt { get; init; }
        public bool Pinned { get; init; }
    }

    private IQueryable<Row> Rows(long channelId) => db.ChannelMessages.AsNoTracking().Where(m => m.ChannelId == channelId).Select(m => new Row
    {
        Id = m.Id, SenderId = m.SenderId, Sender = db.Users.Where(u => u.Id == m.SenderId).Select(u => u.DisplayName).FirstOrDefault(), Text = m.Text,
        Latitude = m.Latitude, Longitude = m.Longitude, HasPhoto = m.HasPhoto, SentAt = m.SentAt, Pinned = m.PinnedAt != null,
    });
}
