using System.Text.RegularExpressions;
using Linli.Web.Features.Cases.Intake;
using Linli.Web.Infrastructure.Problems;

namespace Linli.Web.Features.SafetyTips;

/// <summary>The text rules of tips: those of all residents' text (<see cref="PlainText"/>), and no identity numbers.</summary>
public static partial class TipText
{
    /// <summary>The cleaned text, or null when blank; a problem is added when required and blank, too long, or holding an ID number.</summary>
    public static string? Check(string field, string? value, int max, bool required, List<SubmissionError> errors)
    {
        var text = PlainText.Check(field, value, max, required, errors);
        if (text is not null && IdentityNumber().IsMatch(text))
        {
            errors.Add(new(field, "must not contain an identity card number: describe what happened, not who someone is"));
            return null;
        }

        return text;
    }

    /// <summary>An 18-character resident identity card number (17 digits and a digit or X).</summary>
    [GeneratedRegex(@"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])")]
    private static partial Regex IdentityNumber();
}
