using System.Security.Cryptography;
using System.Text;

namespace Linli.Web.Features.FollowUps;

/// <summary>Rating-link tokens: 256 random bits in the link, only their SHA-256 in the database.</summary>
public static class FollowUpTokens
{
    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>True for what <see cref="New"/> makes; anything else is not looked up.</summary>
    public static bool LooksValid(string? token) => token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
