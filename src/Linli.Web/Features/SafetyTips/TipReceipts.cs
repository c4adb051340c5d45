using System.Security.Cryptography;
using System.Text;

namespace Linli.Web.Features.SafetyTips;

/// <summary>
/// A tip's receipt: 20 random Crockford base-32 characters (100 bits), shown once as XXXXX-XXXXX-XXXXX-XXXXX. Only its
/// SHA-256 is stored, so the database cannot lead back to the tipster's copy; 100 bits need no salt against guessing.
/// Look-ups forgive case, spaces, missing dashes and the letters O, I and L.
/// </summary>
public static class TipReceipts
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Length = 20;

    public static string New()
    {
        var chars = new char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return Format(new string(chars));
    }

    /// <summary>The canonical form of what someone typed, or null when it cannot be a receipt.</summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null || typed.Length > 60)
        {
            return null;
        }

        var clean = new string([.. typed.Where(c => c is not ('-' or ' ')).Select(char.ToUpperInvariant)])
            .Replace('O', '0').Replace('I', '1').Replace('L', '1');
        return clean.Length == Length && clean.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? Format(clean) : null;
    }

    public static string Hash(string canonical) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(canonical)));

    private static string Format(string clean) => $"{clean[..5]}-{clean[5..10]}-{clean[10..15]}-{clean[15..]}";
}
