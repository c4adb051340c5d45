using Linli.Web.Data;
using Linli.Web.Features.People;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Notifications;

/// <summary>Records and lifts opt-outs of an address from follow-ups and broadcasts, by its keyed hash only.</summary>
public sealed class OptOuts(LinliDb db, NotificationKeys keys, TimeProvider clock)
{
    /// <summary>The words an SMS reply opts out with (STOP, 退订, TD), in any case and with spaces around.</summary>
    public static bool IsStopWord(string? text) =>
        text?.Trim().ToUpperInvariant() is "STOP" or "TD" or "退订" or "UNSUBSCRIBE";

    public async Task<bool> IsOptedOutAsync(string address, CancellationToken cancellationToken = default)
    {
        var hash = HashOf(address);
        return hash is not null && await db.NotificationOptOuts.AnyAsync(o => o.AddressHash == hash, cancellationToken);
    }

    /// <summary>The opted-out addresses among <paramref name="addresses"/>.</summary>
    public async Task<HashSet<string>> OptedOutAmongAsync(IEnumerable<string> addresses, CancellationToken cancellationToken = default)
    {
        var byHash = addresses.Distinct().Select(a => (Address: a, Hash: HashOf(a))).Where(x => x.Hash is not null).ToList();
        if (byHash.Count == 0)
        {
            return [];
        }

        var hashes = byHash.Select(x => x.Hash!).ToList();
        var found = await db.NotificationOptOuts.AsNoTracking().Where(o => hashes.Contains(o.AddressHash)).Select(o => o.AddressHash).ToListAsync(cancellationToken);
        return [.. byHash.Where(x => found.Contains(x.Hash!)).Select(x => x.Address)];
    }

    /// <summary>Records the opt-out (once) and saves; false when <paramref name="address"/> is not an address.</summary>
    public async Task<bool> OptOutAsync(string address, OptOutSource source, CancellationToken cancellationToken = default)
    {
        var hash = HashOf(address);
        if (hash is null)
        {
            return false;
        }

        if (!await db.NotificationOptOuts.AnyAsync(o => o.AddressHash == hash, cancellationToken))
        {
            db.NotificationOptOuts.Add(new NotificationOptOut { AddressHash = hash, Source = source, OptedOutAt = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Two opt-outs of the same address at once: the other one is recorded, which is all that matters.
            }
        }

        return true;
    }

    public async Task ResubscribeAsync(string address, CancellationToken cancellationToken = default)
    {
        var hash = HashOf(address);
        if (hash is not null)
        {
            await db.NotificationOptOuts.Where(o => o.AddressHash == hash).ExecuteDeleteAsync(cancellationToken);
        }
    }

    private string? HashOf(string address) =>
        ContactAddress.TryNormalise(address, out var normalised, out _) ? keys.AddressHash(normalised) : null;
}
