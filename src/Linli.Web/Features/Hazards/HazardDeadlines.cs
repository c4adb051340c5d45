using System.Globalization;
using Linli.Web.Components;
using Linli.Web.Features.Cases.Intake;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.Hazards;

/// <summary>The clock and the deadline rules: the default by severity, or a day staff choose (its end, in China time).</summary>
public sealed class HazardDeadlines(IOptions<HazardsOptions> options, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public DateTimeOffset DefaultFrom(DateTimeOffset from, HazardSeverity severity) => from + options.Value.DefaultFor(severity);

    /// <summary>A "yyyy-MM-dd" day, today or later and within the allowed horizon; null when blank or refused.</summary>
    public DateTimeOffset? Parse(string? day, string field, List<SubmissionError> errors)
    {
        if (string.IsNullOrWhiteSpace(day))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(day.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(new(field, $"{field} is a date, yyyy-MM-dd"));
            return null;
        }

        var endOfDay = new DateTimeOffset(date.AddDays(1).ToDateTime(TimeOnly.MinValue), Display.ChinaTime.BaseUtcOffset).ToUniversalTime();
        var now = Now;
        if (endOfDay <= now)
        {
            errors.Add(new(field, $"{field} cannot be in the past"));
            return null;
        }

        if (endOfDay > now.AddDays(options.Value.MaxDeadlineDays + 1))
        {
            errors.Add(new(field, $"{field} is at most {options.Value.MaxDeadlineDays} days ahead"));
            return null;
        }

        return endOfDay;
    }
}
