using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Linli.Web.Features.People;

/// <summary>A phone number or email address in the one form Linli stores and compares.</summary>
public static partial class ContactAddress
{
    public static bool TryNormalise(string? input, out string normalised, out bool isEmail)
    {
        normalised = "";
        isEmail = false;
        var text = input?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 254)
        {
            return false;
        }

        if (text.Contains('@'))
        {
            isEmail = true;
            if (!MailAddress.TryCreate(text, out var address) || address.Address != text || !address.Host.Contains('.'))
            {
                return false;
            }

            normalised = text.ToLowerInvariant();
            return true;
        }

        var digits = Separators().Replace(text, "");
        if (ChineseMobile().IsMatch(digits))
        {
            normalised = "+86" + digits;
            return true;
        }

        if (International().IsMatch(digits))
        {
            normalised = digits;
            return true;
        }

        return false;
    }

    [GeneratedRegex(@"[\s\-()]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex ChineseMobile();

    [GeneratedRegex(@"^\+[1-9]\d{6,14}$")]
    private static partial Regex International();
}
