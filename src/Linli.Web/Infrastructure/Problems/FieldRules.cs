namespace Linli.Web.Infrastructure.Problems;

/// <summary>Field checks the use cases share; each refusal is a <see cref="DomainRuleException"/> naming the field.</summary>
public static class FieldRules
{
    /// <summary>The trimmed text, or null when blank; refused when required and blank, or longer than <paramref name="max"/>.</summary>
    public static string? Text(string field, string? value, int max, bool required)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is null && required)
        {
            throw new DomainRuleException(field, $"{field} is required");
        }

        if (text is not null && text.Length > max)
        {
            throw new DomainRuleException(field, $"{field} is at most {max} characters");
        }

        return text;
    }
}
