using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Linli.Web.Features.Cases.Intake;

/// <summary>The field-by-field checks of a report, and of the answers to its category's questions.</summary>
public static partial class SubmissionRules
{
    public const int MaxShortText = 200;

    [GeneratedRegex(@"<\s*[a-zA-Z!/?]|&#?[a-zA-Z0-9]+;")]
    private static partial Regex Markup();

    [GeneratedRegex(@"^\+?[0-9][0-9 \-]{4,19}$")]
    private static partial Regex PhonePattern();

    public static bool LooksLikeHtml(string text) => Markup().IsMatch(text);

    public static void CheckText(string field, string? value, int max, bool required, List<SubmissionError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(new(field, "is required"));
            }

            return;
        }

        if (value.Length > max)
        {
            errors.Add(new(field, $"is at most {max.ToString("N0", CultureInfo.InvariantCulture)} characters"));
        }
        else if (LooksLikeHtml(value))
        {
            errors.Add(new(field, "must be plain text, not HTML"));
        }
    }

    public static void CheckContact(CaseSubmission s, List<SubmissionError> errors)
    {
        CheckText("name", s.Name, 100, required: false, errors);
        if (!string.IsNullOrWhiteSpace(s.Email) && (s.Email.Length > 254 || !MailAddress.TryCreate(s.Email.Trim(), out var address) || address.Address != s.Email.Trim()))
        {
            errors.Add(new("email", "is not an email address"));
        }

        if (!string.IsNullOrWhiteSpace(s.Phone) && !PhonePattern().IsMatch(s.Phone.Trim()))
        {
            errors.Add(new("phone", "is not a phone number (digits, spaces, dashes, an optional leading +)"));
        }
    }

    /// <summary>Checks the answers against the category's questions; returns them in the questions' order.</summary>
    public static List<CaseAnswer> CheckAnswers(CaseCategory category, IReadOnlyDictionary<string, IReadOnlyList<string>> answers, List<SubmissionError> errors)
    {
        var result = new List<CaseAnswer>();
        foreach (var code in answers.Keys.Where(k => category.Attributes.All(a => a.Code != k)))
        {
            errors.Add(new($"attributes.{code}", $"'{category.Code}' has no question '{code}'"));
        }

        foreach (var question in category.Attributes.OrderBy(a => a.Order))
        {
            var field = $"attributes.{question.Code}";
            var values = answers.TryGetValue(question.Code, out var given) ? given.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList() : [];
            if (values.Count == 0)
            {
                if (question.Required)
                {
                    errors.Add(new(field, $"is required: {question.Description}"));
                }

                continue;
            }

            var problem = CheckValues(question, values);
            if (problem is not null)
            {
                errors.Add(new(field, problem));
                continue;
            }

            result.Add(new CaseAnswer { Code = question.Code, Values = values });
        }

        return result;
    }

    private static string? CheckValues(CategoryAttribute question, List<string> values)
    {
        if (question.Datatype != AttributeDatatype.MultiValueList && values.Count > 1)
        {
            return "takes one value";
        }

        var value = values[0];
        var keys = question.Values.Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
        return question.Datatype switch
        {
            AttributeDatatype.Number when !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || !double.IsFinite(n) => "must be a number",
            AttributeDatatype.Datetime when !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _) => "must be a date and time (ISO 8601)",
            AttributeDatatype.String when value.Length > MaxShortText => $"is at most {MaxShortText} characters",
            AttributeDatatype.Text when value.Length > 4000 => "is at most 4,000 characters",
            AttributeDatatype.String or AttributeDatatype.Text when LooksLikeHtml(value) => "must be plain text, not HTML",
            AttributeDatatype.SingleValueList or AttributeDatatype.MultiValueList when values.Any(v => !keys.Contains(v)) =>
                $"must be one of: {string.Join(", ", keys)}",
            _ => null,
        };
    }
}
