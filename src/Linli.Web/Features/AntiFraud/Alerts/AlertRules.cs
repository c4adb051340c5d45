using System.Text.RegularExpressions;
using Linli.Web.Features.AntiFraud.Orders;
using Linli.Web.Features.People;
using Linli.Web.Infrastructure;

namespace Linli.Web.Features.AntiFraud.Alerts;

/// <summary>The checks of an alert's fields that need no database; each problem names its field.</summary>
public static partial class AlertRules
{
    public static string? Text(string? value, int max, bool required, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? $"{what} is required" : null;
        }

        if (value.Trim().Length > max)
        {
            return $"{what} is at most {max} characters";
        }

        return value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) ? $"{what} contains control characters" : null;
    }

    /// <summary>A mobile (stored +86…), an international number, or a landline with its area code (stored as digits).</summary>
    public static bool TryPhone(string? input, out string phone)
    {
        phone = "";
        if (ContactAddress.TryNormalise(input, out var normalised, out var isEmail) && !isEmail)
        {
            phone = normalised;
            return true;
        }

        var digits = Separators().Replace(input ?? "", "");
        if (Landline().IsMatch(digits))
        {
            phone = digits;
            return true;
        }

        return false;
    }

    public static bool TryRisk(string? value, out FraudRisk risk) => EnumNames.TryParse(value, out risk);

    /// <summary>Whole yuan between 0 and <see cref="AlertLimits.MaxAmount"/>.</summary>
    public static string? Amount(decimal? value, string what) => value switch
    {
        null => null,
        < 0 => $"{what} cannot be negative",
        > AlertLimits.MaxAmount => $"{what} is at most {AlertLimits.MaxAmount} yuan",
        _ when decimal.Truncate(value.Value) != value.Value => $"{what} is in whole yuan",
        _ => null,
    };

    public static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"[\s\-()]")]
    private static partial Regex Separators();

    /// <summary>0 + area code + number: 10 to 12 digits in all (023-68xxxxxx).</summary>
    [GeneratedRegex(@"^0\d{9,11}$")]
    private static partial Regex Landline();
}
