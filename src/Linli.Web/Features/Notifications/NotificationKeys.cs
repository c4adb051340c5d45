using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Linli.Web.Infrastructure.Operations;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.Notifications;

/// <summary>What a signed link in a message names.</summary>
public enum TokenPurpose
{
    Unsubscribe,
    Acknowledge,
    ConfirmCareDelivery,
}

/// <summary>
/// Signs the links in messages (unsubscribe, acknowledge) so they work without signing in yet cannot be forged, and
/// hashes addresses for the opt-out list. One key (<c>Notifications:SigningKey</c>); without one, a random key kept in
/// the database (<see cref="SharedSecret"/>), so links work on every instance and after a restart.
/// </summary>
public sealed class NotificationKeys(IOptions<NotificationOptions> options, IServiceScopeFactory scopes)
{
    private readonly Lazy<byte[]> _lazyKey = new(() => string.IsNullOrEmpty(options.Value.SigningKey)
        ? SharedSecret.GetOrCreate(scopes, "notifications-signing")
        : Encoding.UTF8.GetBytes(options.Value.SigningKey));

    private byte[] Key => _lazyKey.Value;

    /// <summary>A keyed hash of a normalised address: the opt-out list stores this, never the address.</summary>
    public string AddressHash(string normalisedAddress) =>
        Convert.ToHexString(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes("address:" + normalisedAddress.ToLowerInvariant())));

    public string Sign(TokenPurpose purpose, string value)
    {
        var payload = Base64Url(Encoding.UTF8.GetBytes(value));
        return payload + "." + Base64Url(Mac(purpose, payload)[..16]);
    }

    public string Sign(TokenPurpose purpose, long id) => Sign(purpose, id.ToString(CultureInfo.InvariantCulture));

    /// <summary>The value a token names, or null when the token is not one this server signed for that purpose.</summary>
    public string? Read(TokenPurpose purpose, string? token)
    {
        var parts = (token ?? "").Split('.');
        if (parts.Length != 2 || parts[0].Length > 400)
        {
            return null;
        }

        try
        {
            var mac = FromBase64Url(parts[1]);
            return CryptographicOperations.FixedTimeEquals(mac, Mac(purpose, parts[0]).AsSpan(0, 16)) ? Encoding.UTF8.GetString(FromBase64Url(parts[0])) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public long? ReadId(TokenPurpose purpose, string? token) =>
        long.TryParse(Read(purpose, token), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private byte[] Mac(TokenPurpose purpose, string payload) => HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(purpose + ":" + payload));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }
}
