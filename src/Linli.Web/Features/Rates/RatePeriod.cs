using System.Globalization;
using System.Text.RegularExpressions;
using Linli.Web.Infrastructure.Time;

namespace Linli.Web.Features.Rates;

/// <summary>A half-open period [From, To). Figures count only what happened before <see cref="EndAt"/>: the period's end, or now.</summary>
public sealed record RatePeriod(DateTimeOffset From, DateTimeOffset To)
{
    // In UTC: PostgreSQL's timestamptz takes no other offset, and answers read the same whatever the input's offset.
    public DateTimeOffset From { get; } = From.ToUniversalTime();

    public DateTimeOffset To { get; } = To.ToUniversalTime();

    public DateTimeOffset EndAt(DateTimeOffset now) => To < now ? To : now;
}

/// <summary>The periods the dashboard offers.</summary>
public enum PeriodPreset
{
    ThisMonth,
    LastMonth,
    Last90Days,
    Custom,
}

/// <summary>
/// Reads and checks periods. Dates without a time are midnight in China Standard Time, where the communities are,
/// so "2025-03-01" starts a month in Beijing and Chongqing whatever the server's own zone.
/// </summary>
public static partial class RatePeriods
{
    public static readonly TimeSpan LongestPeriod = TimeSpan.FromDays(3 * 366);

    /// <summary>From the API's from/to; both missing is this month, a missing to is now.</summary>
    public static (RatePeriod? Period, string Field, string Error) Parse(string? from, string? to, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(from) && string.IsNullOrWhiteSpace(to))
        {
            return (Preset(PeriodPreset.ThisMonth, now), "", "");
        }

        if (!TryParseInstant(from, out var start))
        {
            return (null, "from", string.IsNullOrWhiteSpace(from)
                ? "give from with to"
                : "from must be a date (2025-03-01, midnight China time) or a date and time with an offset (2025-03-01T08:00:00+08:00)");
        }

        var end = now;
        if (!string.IsNullOrWhiteSpace(to) && !TryParseInstant(to, out end))
        {
            return (null, "to", "to must be a date (2025-04-01, midnight China time) or a date and time with an offset (2025-04-01T00:00:00Z)");
        }

        return Check(new RatePeriod(start, end));
    }

    /// <summary>A preset period, or for <see cref="PeriodPreset.Custom"/> the dates from and until, both days included.</summary>
    public static (RatePeriod? Period, string Field, string Error) FromPicker(PeriodPreset preset, DateOnly? from, DateOnly? until, DateTimeOffset now)
    {
        if (preset != PeriodPreset.Custom)
        {
            return (Preset(preset, now), "", "");
        }

        if (from is null)
        {
            return (null, "from", "from is required for a custom period");
        }

        if (until is null)
        {
            return (null, "until", "until is required for a custom period");
        }

        return Check(new RatePeriod(ChinaCalendar.Midnight(from.Value), ChinaCalendar.Midnight(until.Value.AddDays(1))));
    }

    private static readonly (PeriodPreset Preset, string Name)[] Names =
        [(PeriodPreset.ThisMonth, "this-month"), (PeriodPreset.LastMonth, "last-month"), (PeriodPreset.Last90Days, "last-90-days"), (PeriodPreset.Custom, "custom")];

    /// <summary>The preset a form value names ("this-month", "last-month", "last-90-days", "custom"); null for anything else.</summary>
    public static PeriodPreset? PresetNamed(string? name) =>
        Names.Where(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase)).Select(n => (PeriodPreset?)n.Preset).FirstOrDefault();

    public static string NameOf(PeriodPreset preset) => Names.First(n => n.Preset == preset).Name;

    public static RatePeriod Preset(PeriodPreset preset, DateTimeOffset now)
    {
        var today = ChinaCalendar.DayOf(now);
        var month = new DateOnly(today.Year, today.Month, 1);
        return preset switch
        {
            PeriodPreset.LastMonth => new RatePeriod(ChinaCalendar.Midnight(month.AddMonths(-1)), ChinaCalendar.Midnight(month)),
            PeriodPreset.Last90Days => new RatePeriod(ChinaCalendar.Midnight(today.AddDays(-89)), ChinaCalendar.Midnight(today.AddDays(1))),
            _ => new RatePeriod(ChinaCalendar.Midnight(month), ChinaCalendar.Midnight(month.AddMonths(1))),
        };
    }

    private static (RatePeriod? Period, string Field, string Error) Check(RatePeriod period)
    {
        if (period.From >= period.To)
        {
            return (null, "from", "from must be before to");
        }

        if (period.To - period.From > LongestPeriod)
        {
            return (null, "to", "a period is at most 3 years long");
        }

        return (period, "", "");
    }

    private static bool TryParseInstant(string? value, out DateTimeOffset instant)
    {
        instant = default;
        if (value is null)
        {
            return false;
        }

        value = value.Trim();
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            instant = ChinaCalendar.Midnight(day);
            return true;
        }

        // A time without an offset would be read in the server's zone; ask for the offset instead of guessing.
        return WithOffset().IsMatch(value)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex WithOffset();
}
