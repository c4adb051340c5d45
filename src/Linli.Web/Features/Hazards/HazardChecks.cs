using Linli.Web.Features.Cases.Intake;
using Linli.Web.Infrastructure;

namespace Linli.Web.Features.Hazards;

/// <summary>Field checks that collect every problem, so one answer names them all and nothing is stored.</summary>
public static class HazardChecks
{
    public static string? Text(string field, string? value, int max, bool required, List<SubmissionError> errors)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is null && required)
        {
            errors.Add(new(field, $"{field} is required"));
        }
        else if (text is not null && text.Length > max)
        {
            errors.Add(new(field, $"{field} is at most {max} characters"));
            return null;
        }

        return text;
    }

    /// <summary>An enum by name ("public-order", "public_order" and "publicOrder" alike); the default when blank and not required.</summary>
    public static T Choice<T>(string field, string? value, bool required, T fallback, List<SubmissionError> errors)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(new(field, $"{field} is required: {Names<T>()}"));
            }

            return fallback;
        }

        var plain = value.Trim().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        if (EnumNames.TryParse<T>(plain, out var parsed))
        {
            return parsed;
        }

        errors.Add(new(field, $"{field} must be one of: {Names<T>()}"));
        return fallback;
    }

    public static string Names<T>()
        where T : struct, Enum => string.Join(", ", Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]));

    public static void ThrowIfAny(List<SubmissionError> errors)
    {
        if (errors.Count > 0)
        {
            throw new SubmissionRejectedException(errors);
        }
    }
}
