using Linli.Web.Data;
using Linli.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.Notifications;

/// <summary>
/// One delivery pass over the outbox: claims due messages with a conditional UPDATE (so two server instances never
/// claim the same message), hands each to its channel's sender, and records the outcome: sent, or tried again later
/// with exponential backoff, or abandoned after too many failures.
/// </summary>
public sealed partial class OutboxSender(
    LinliDb db, IEnumerable<INotificationChannel> channels, JobInstance instance, TimeProvider clock, IOptions<OutboxOptions> options, ILogger<OutboxSender> logger,
    MessageText text, OptOuts optOuts)
{
    /// <summary>Delivers one batch of due messages of the channels registered here; returns how many it attempted.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var senders = channels.GroupBy(c => c.Channel).ToDictionary(g => g.Key, g => g.First());
        if (senders.Count == 0)
        {
            return 0;
        }

        var o = options.Value;
        var (claim, lockedUntil) = ($"{instance.Id}/{Guid.NewGuid().ToString("N")[..8]}", clock.GetUtcNow().AddSeconds(o.LockSeconds));
        var batch = await ClaimAsync([.. senders.Keys], claim, lockedUntil, o.BatchSize, cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        var attempted = 0;
        var optedOut = await optOuts.OptedOutAmongAsync(batch.Where(MessageText.CarriesUnsubscribe).Select(m => m.Recipient), cancellationToken);
        try
        {
            foreach (var message in batch)
            {
                // A follow-up or broadcast queued before its address opted out is dropped, never sent.
                if (MessageText.CarriesUnsubscribe(message) && optedOut.Contains(message.Recipient))
                {
                    await MarkAbandonedAsync(message, claim, OptedOutReason);
                    continue;
                }

                // Start a message only in the first half of the claim, so it outlasts a send that runs into its timeout.
                if (clock.GetUtcNow() >= lockedUntil.AddSeconds(-o.LockSeconds / 2.0))
                {
                    break;
                }

                attempted++;
                try
                {
                    message.Body = text.Render(message);
                    await senders[message.Channel].SendAsync(message, cancellationToken);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    await MarkFailedAsync(message, claim, e, o);
                    continue;
                }

                await MarkSentAsync(message, claim);
            }
        }
        finally
        {
            await ReleaseAsync(claim);
        }

        return attempted;
    }

    private async Task<List<OutboxMessage>> ClaimAsync(
        List<NotificationChannel> available, string claim, DateTimeOffset lockedUntil, int batchSize, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = db.Outbox.Where(m => m.SentAt == null && m.AbandonedAt == null && m.NextAttemptAt <= now
            && available.Contains(m.Channel) && (m.LockedUntil == null || m.LockedUntil <= now));
        var ids = await due.OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Select(m => m.Id).Take(batchSize).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }

        // The same conditions again inside the UPDATE: whoever updates a row second finds it locked and skips it.
        await due.Where(m => ids.Contains(m.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, claim).SetProperty(m => m.LockedUntil, lockedUntil), cancellationToken);
        return await db.Outbox.AsNoTracking().Where(m => m.LockedBy == claim).OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).ToListAsync(cancellationToken);
    }

    // Outcomes are recorded even when shutdown has begun: a sent message must not be sent again.
    private async Task MarkSentAsync(OutboxMessage message, string claim)
    {
        var now = clock.GetUtcNow();
        var marked = await db.Outbox.Where(m => m.Id == message.Id && m.LockedBy == claim)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.SentAt, now)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
        if (marked == 0)
        {
            LogClaimLost(logger, message.Id);
        }
    }

    private async Task MarkFailedAsync(OutboxMessage message, string claim, Exception error, OutboxOptions o)
    {
        var now = clock.GetUtcNow();
        var attempts = message.Attempts + 1;
        var abandoned = attempts >= o.MaxAttempts ? now : (DateTimeOffset?)null;
        var next = abandoned ?? now + o.RetryDelay(attempts);
        var reason = $"{error.GetType().Name}: {error.Message}";
        reason = reason.Length > 1000 ? reason[..1000] : reason;
        await db.Outbox.Where(m => m.Id == message.Id && m.LockedBy == claim)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.AbandonedAt, abandoned)
                .SetProperty(m => m.LastError, reason)
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
        if (abandoned is not null)
        {
            LogAbandoned(logger, message.Id, message.Channel, attempts, reason);
        }
        else
        {
            LogRetry(logger, message.Id, message.Channel, attempts, next, reason);
        }
    }

    public const string OptedOutReason = "opted out: the address asked for no follow-ups or broadcasts";

    private Task MarkAbandonedAsync(OutboxMessage message, string claim, string reason)
    {
        var now = clock.GetUtcNow();
        return db.Outbox.Where(m => m.Id == message.Id && m.LockedBy == claim)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.AbandonedAt, now)
                .SetProperty(m => m.LastError, reason)
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
    }

    /// <summary>Unlocks what this pass claimed but did not get to, so the next pass (here or elsewhere) takes it at once.</summary>
    private Task ReleaseAsync(string claim) =>
        db.Outbox.Where(m => m.LockedBy == claim)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, (string?)null).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} ({Channel}) failed on attempt {Attempts}; next try at {NextAttemptAt:O}: {Reason}")]
    private static partial void LogRetry(ILogger logger, long id, NotificationChannel channel, int attempts, DateTimeOffset nextAttemptAt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {Id} ({Channel}) abandoned after {Attempts} attempts: {Reason}")]
    private static partial void LogAbandoned(ILogger logger, long id, NotificationChannel channel, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} was sent, but its claim had passed to another sender before it could be marked.")]
    private static partial void LogClaimLost(ILogger logger, long id);
}
