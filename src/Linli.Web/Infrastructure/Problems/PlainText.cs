using System.Text.RegularExpressions;
using Linli.Web.Features.Cases.Intake;

namespace Linli.Web.Infrastructure.Problems;

/// <summary>Residents' free text as Linli keeps it: no HTML tags or control characters (line breaks and tabs stay), trimmed, limited.</summary>
public static partial class PlainText
{
    /// <summary>Without tags or control characters, trimmed; null when nothing is left.</summary>
    public static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var stripped = ControlCharacters().Replace(Tags().Replace(value, ""), "").Trim();
        return stripped.Length == 0 ? null : stripped;
    }

    /// <summary>The cleaned text, or null when blank; a problem is added when required and blank, or too long.</summary>
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

        return text;
    }

    [GeneratedRegex("<[^<>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]")]
    private static partial Regex ControlCharacters();
}
