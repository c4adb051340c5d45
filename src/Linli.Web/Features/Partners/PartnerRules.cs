using System.Globalization;
using Linli.Web.Components;
using Linli.Web.Infrastructure;
using Linli.Web.Infrastructure.Problems;

namespace Linli.Web.Features.Partners;

/// <summary>The field checks partners and negotiations share; each refusal names its field and stores nothing.</summary>
public static class PartnerRules
{
    /// <summary>China Standard Time, where the communities are: years, months and calendar days are counted in it.</summary>
    public static readonly TimeZoneInfo ChinaTime = Display.ChinaTime;

    public static string? Text(string field, string? value, int max, bool required) => FieldRules.Text(field, value, max, required);

    public static string Required(string field, string? value, int max) => Text(field, value, max, required: true)!;

    public static T Enum<T>(string field, string? value)
        where T : struct, Enum =>
        EnumNames.TryParse<T>(value, out var result)
            ? result
            : throw new DomainRuleException(field, $"{field} must be one of {string.Join(", ", System.Enum.GetNames<T>())}");

    public static DomainRuleException NotFound(string field, string what) => new(field, $"{what} was not found", StatusCodes.Status404NotFound);

    public static DomainRuleException Forbidden(string field, string why) => new(field, why, StatusCodes.Status403Forbidden);

    public static DomainRuleException Conflict(string field, string why) => new(field, why, StatusCodes.Status409Conflict);

    public static DateTimeOffset InChina(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, ChinaTime);

    public static int YearOf(DateTimeOffset at) => InChina(at).Year;

    /// <summary>"2026-05" → the first instant of that month in China time; null when it is not such a month.</summary>
    public static DateTimeOffset? MonthStart(string? month)
    {
        if (!DateTime.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            return null;
        }

        // PostgreSQL's timestamptz takes UTC instants only.
        return new DateTimeOffset(first, ChinaTime.GetUtcOffset(first)).ToUniversalTime();
    }

    /// <summary>A month later, counted in China time ("2026-05" → "2026-06").</summary>
    public static DateTimeOffset NextMonth(DateTimeOffset monthStart)
    {
        var local = InChina(monthStart).DateTime.AddMonths(1);
        return new DateTimeOffset(local, ChinaTime.GetUtcOffset(local)).ToUniversalTime();
    }

}
