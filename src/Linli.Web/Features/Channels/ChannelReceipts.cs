using System.Security.Claims;
using Linli.Web.Data;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Channels;

/// <summary>Read pointers (they only move forward), who read a message (for its sender), and pinned instructions.</summary>
public sealed class ChannelReceipts(LinliDb db, ChannelAccess access, ChannelEvents events, TimeProvider clock)
{
    /// <summary>Marks the channel read up to <paramref name="upTo"/> (its latest message when null); returns the pointer.</summary>
    public async Task<long> ReadAsync(ClaimsPrincipal principal, long channelId, long? upTo, CancellationToken cancellationToken = default)
    {
        var (caller, channel) = await access.RequireMemberAsync(principal, channelId, cancellationToken);
        if (upTo is { } id)
        {
            if (!await db.ChannelMessages.AnyAsync(m => m.Id == id && m.ChannelId == channel.Id, cancellationToken))
            {
                throw new DomainRuleException("upTo", $"upTo must be a message of channel {channel.Id}");
            }
        }
        else
        {
            upTo = await db.ChannelMessages.Where(m => m.ChannelId == channel.Id).MaxAsync(m => (long?)m.Id, cancellationToken);
        }

        var mark = await db.ChannelReadMarks.FirstOrDefaultAsync(r => r.ChannelId == channel.Id && r.UserId == caller.UserId, cancellationToken);
        var from = mark?.LastReadMessageId ?? 0;
        if (upTo is not { } to || to <= from)
        {
            return from;
        }

        if (mark is null)
        {
            db.ChannelReadMarks.Add(new ChannelReadMark { ChannelId = channel.Id, UserId = caller.UserId, LastReadMessageId = to, ReadAt = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same person's other tab marked it a moment ago: move that pointer instead.
                db.ChangeTracker.Clear();
                from = await db.ChannelReadMarks.Where(r => r.ChannelId == channel.Id && r.UserId == caller.UserId).Select(r => r.LastReadMessageId).FirstAsync(cancellationToken);
                await MoveAsync(channel.Id, caller.UserId, to, cancellationToken);
            }
        }
        else
        {
            await MoveAsync(channel.Id, caller.UserId, to, cancellationToken);
        }

        if (to > from)
        {
            await events.ReadAsync(new ReadEvent(channel.Id, caller.UserId, from, to), cancellationToken);
        }

        return Math.Max(from, to);
    }

    public async Task<IReadOnlyList<ReaderView>> ReadersAsync(ClaimsPrincipal principal, long channelId, long messageId, CancellationToken cancellationToken = default)
    {
        var (caller, channel) = await access.RequireMemberAsync(principal, channelId, cancellationToken);
        var sender = await db.ChannelMessages.AsNoTracking().Where(m => m.Id == messageId && m.ChannelId == channel.Id).Select(m => (Guid?)m.SenderId).FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainRuleException("messageId", $"No message {messageId} in channel {channel.Id}.", StatusCodes.Status404NotFound);
        if (sender != caller.UserId)
        {
            throw new DomainRuleException("messageId", "Only the sender sees who has read a message.", StatusCodes.Status403Forbidden);
        }

        var members = ChannelMembership.MemberIds(db, channel.Kind, channel.NodePath);
        return await db.ChannelReadMarks.AsNoTracking()
            .Where(r => r.ChannelId == channel.Id && r.LastReadMessageId >= messageId && r.UserId != sender && members.Contains(r.UserId))
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { u.DisplayName, r.ReadAt })
            .OrderBy(r => r.DisplayName).Select(r => new ReaderView(r.DisplayName, r.ReadAt)).ToListAsync(cancellationToken);
    }

    /// <summary>Pins or unpins a message: the grid chief and staff only.</summary>
    public async Task PinAsync(ClaimsPrincipal principal, long channelId, long messageId, bool pinned, CancellationToken cancellationToken = default)
    {
        var (caller, channel) = await access.RequireMemberAsync(principal, channelId, cancellationToken);
        if (!ChannelMembership.MayPin(caller.Roles, channel))
        {
            throw new DomainRuleException("messageId", "Only the grid chief and staff pin instructions.", StatusCodes.Status403Forbidden);
        }

        DateTimeOffset? at = pinned ? clock.GetUtcNow() : null;
        Guid? by = pinned ? caller.UserId : null;
        var changed = await db.ChannelMessages.Where(m => m.Id == messageId && m.ChannelId == channel.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.PinnedAt, at).SetProperty(m => m.PinnedBy, by), cancellationToken);
        if (changed == 0)
        {
            throw new DomainRuleException("messageId", $"No message {messageId} in channel {channel.Id}.", StatusCodes.Status404NotFound);
        }

        await events.PinAsync(new PinEvent(channel.Id, messageId, pinned), cancellationToken);
    }

    private Task<int> MoveAsync(long channelId, Guid userId, long to, CancellationToken cancellationToken) =>
        db.ChannelReadMarks.Where(r => r.ChannelId == channelId && r.UserId == userId && r.LastReadMessageId < to)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LastReadMessageId, to).SetProperty(r => r.ReadAt, clock.GetUtcNow()), cancellationToken);
}
