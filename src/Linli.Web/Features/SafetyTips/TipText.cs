using System.Text.RegularExpressions;
using Linli.Web.Features.Cases.Intake;

namespace Linli.Web.Features.SafetyTips;

/// <summary>The text rules of tips: tags and control characters stripped, length limits, and no identity numbers.</summary>
public static partial class TipText
{
    /// <summary>The cleaned text, or null when blank; a problem is added when required and blank, too long, or holding an ID number.</summary>
    public static string? Check(string field, string? value, int max, bool required, List<SubmissionError> errors)
    {
        var text = Clean(value);
        if (text is null)
        {
            if (required)
            {
                errors.Add(new(field, "is required"));
            }

            return null;
        }

        if (text.Length > max)
        {
            errors.Add(new(field, $"is at most {max} characters"));
            return null;
        }

        if (IdentityNumber().IsMatch(text))
        {
            errors.Add(new(field, "must not contain an identity card number: describe what happened, not who someone is"));
            return null;
        }

        return text;
    }

    /// <summary>Without HTML tags or control characters (line breaks and tabs stay), trimmed; null when nothing is left.</summary>
    public static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var stripped = ControlCharacters().Replace(Tags().Replace(value, ""), "").Trim();
        return stripped.Length == 0 ? null : stripped;
    }

    [GeneratedRegex("<[^<>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]")]
    private static partial Regex ControlCharacters();

    /// <summary>An 18-character resident identity card number (17 digits and a digit or X).</summary>
    [GeneratedRegex(@"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])")]
    private static partial Regex IdentityNumber();
}
