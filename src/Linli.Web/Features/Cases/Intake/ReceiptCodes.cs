using System.Security.Cryptography;

namespace Linli.Web.Features.Cases.Intake;

/// <summary>
/// Receipts are 12 random Crockford base-32 characters (60 bits) shown as XXXX-XXXX-XXXX: short enough to read out on
/// the phone, too many to guess. Lookups forgive case, spaces and missing dashes.
/// </summary>
public static class ReceiptCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New()
    {
        Span<char> chars = stackalloc char[14];
        var j = 0;
        for (var i = 0; i < 12; i++)
        {
            if (i is 4 or 8)
            {
                chars[j++] = '-';
            }

            chars[j++] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(chars);
    }

    /// <summary>The canonical form of what someone typed, or null when it cannot be a receipt.</summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null)
        {
            return null;
        }

        var clean = new string([.. typed.Where(c => c is not ('-' or ' ')).Select(char.ToUpperInvariant)])
            .Replace('O', '0').Replace('I', '1').Replace('L', '1');
        if (clean.Length != 12 || clean.Any(c => !Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            return null;
        }

        return $"{clean[..4]}-{clean[4..8]}-{clean[8..]}";
    }

    /// <summary>A random token for Open311 clients.</summary>
    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
