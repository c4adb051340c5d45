using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Linli.Web.Infrastructure.Problems;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.SafetyTips;

/// <summary>
/// Per-network limits on new tips and on follow-ups, counted in memory only. The key is an HMAC of the network address
/// under a key made at start and never written anywhere, so not even this process's memory holds the address, and
/// nothing about the network outlives the hour. A refusal is a 429 naming what to do, for the API and the pages alike.
/// </summary>
public sealed class TipGuard(IHttpContextAccessor http, IOptions<SafetyTipsOptions> options, TimeProvider clock)
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    public void CountSubmission() => Count("submit", options.Value.SubmissionsPerNetworkPerHour,
        "Too many tips from this network in the last hour; wait an hour and try again, or call 110 in an emergency.");

    public void CountFollowUp() => Count("follow-up", options.Value.FollowUpsPerNetworkPerHour,
        "Too many follow-up requests from this network in the last hour; wait an hour and try again.");

    private void Count(string purpose, int perHour, string message)
    {
        var now = clock.GetUtcNow();
        var key = purpose + ":" + NetworkKey();
        var window = _windows.AddOrUpdate(key, _ => new Window(now, 1),
            (_, w) => now - w.Start >= TimeSpan.FromHours(1) ? new Window(now, 1) : w with { Count = w.Count + 1 });
        if (_windows.Count > 50_000)
        {
            foreach (var stale in _windows.Where(p => now - p.Value.Start >= TimeSpan.FromHours(1)).Select(p => p.Key).ToList())
            {
                _windows.TryRemove(stale, out _);
            }
        }

        if (window.Count > perHour)
        {
            throw new DomainRuleException("network", message, StatusCodes.Status429TooManyRequests);
        }
    }

    private string NetworkKey()
    {
        var address = http.HttpContext?.Connection.RemoteIpAddress;
        if (address is { IsIPv4MappedToIPv6: true })
        {
            address = address.MapToIPv4();
        }

        var bytes = address?.GetAddressBytes() ?? Encoding.ASCII.GetBytes("none");

        // An IPv6 household gets a whole /64: count the network, not each of its addresses.
        if (bytes.Length == 16)
        {
            bytes = bytes[..8];
        }

        return Convert.ToHexString(HMACSHA256.HashData(Key, bytes));
    }

    private sealed record Window(DateTimeOffset Start, int Count);
}
