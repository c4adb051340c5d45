using System.Text.RegularExpressions;
using Linli.Web.Infrastructure;

namespace Linli.Web.Features.Surveys;

/// <summary>Enum values on the wire and in CSV as kebab-case names: <c>priority-vote</c>, <c>single-choice</c>, <c>sense-of-security</c>.</summary>
public static partial class SurveyWire
{
    public static string Of<T>(T value)
        where T : struct, Enum => Words().Replace(value.ToString(), "-$1").ToLowerInvariant();

    public static bool TryParse<T>(string? value, out T result)
        where T : struct, Enum => EnumNames.TryParse(value?.Replace("-", "", StringComparison.Ordinal), out result);

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex Words();
}
