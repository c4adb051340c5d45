using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Linli.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.Open311.Keys;

/// <summary>
/// Which client a key belongs to: one issued by an administrator (stored as its SHA-256 only, usable until revoked) or
/// one from configuration (<c>Open311:ApiKeys</c>, named <c>config-1</c>, <c>config-2</c>, … by position).
/// </summary>
public sealed class Open311Keys(LinliDb db, IOptions<Open311Options> options)
{
    private const int MaxKeyLength = 200;

    /// <summary>The name of the client holding <paramref name="key"/>, or null when the key is missing, unknown or revoked.</summary>
    public async Task<string?> NameOfAsync(string? key, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > MaxKeyLength)
        {
            return null;
        }

        var hash = Hash(key.Trim());
        var configured = options.Value.ApiKeys;
        for (var i = 0; i < configured.Count; i++)
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(configured[i].Trim())), Encoding.ASCII.GetBytes(hash)))
            {
                return $"config-{i + 1}";
            }
        }

        return await db.Open311ApiKeys.AsNoTracking().Where(k => k.KeyHash == hash && k.RevokedAt == null).Select(k => k.Name).FirstOrDefaultAsync(cancellationToken);
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>256 random bits, URL-safe so a client can put it in a query string as it is.</summary>
    public static string NewKey() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
