using System.Globalization;
using Linli.Web.Features.Rates;
using Linli.Web.Infrastructure.Time;

namespace Linli.Web.Features.Dashboards;

/// <summary>The dashboard's periods: the picker's presets (<see cref="RatePeriods"/>), and the same days a month or a year earlier.</summary>
public static class DashboardPeriods
{
    /// <summary>period=this-month|last-month|last-90-days|custom with from and until (days, both included); blank is this month.</summary>
    public static (RatePeriod? Period, string Name, string Field, string Error) Parse(string? period, string? from, string? until, DateTimeOffset now)
    {
        var preset = string.IsNullOrWhiteSpace(period) ? PeriodPreset.ThisMonth : RatePeriods.PresetNamed(period.Trim());
        if (preset is null)
        {
            return (null, "", "period", "period must be one of this-month, last-month, last-90-days, custom");
        }

        DateOnly? fromDay = null, untilDay = null;
        if (preset == PeriodPreset.Custom)
        {
            if (!string.IsNullOrWhiteSpace(from) && (fromDay = Day(from)) is null)
            {
                return (null, "", "from", "from must be a date, yyyy-MM-dd (China time)");
            }

            if (!string.IsNullOrWhiteSpace(until) && (untilDay = Day(until)) is null)
            {
                return (null, "", "until", "until must be a date, yyyy-MM-dd (China time)");
            }
        }

        var (parsed, field, error) = RatePeriods.FromPicker(preset.Value, fromDay, untilDay, now);
        return (parsed, RatePeriods.NameOf(preset.Value), field, error);
    }

    /// <summary>The same stretch of days <paramref name="months"/> months earlier, ending where the figures stop (so a month so far is compared with the same days).</summary>
    public static RatePeriod Earlier(RatePeriod period, DateTimeOffset now, int months) =>
        new(Shift(period.From, months), Shift(period.EndAt(now), months));

    /// <summary>The 12 calendar months (China time) that end with the month of the period's last moment.</summary>
    public static IReadOnlyList<(string Label, RatePeriod Period)> TwelveMonths(RatePeriod period, DateTimeOffset now)
    {
        var last = ChinaCalendar.DayOf(period.EndAt(now).AddTicks(-1));
        var lastMonth = new DateOnly(last.Year, last.Month, 1);
        return [.. Enumerable.Range(0, 12).Select(i => lastMonth.AddMonths(i - 11))
            .Select(m => (m.ToString("yyyy-MM", CultureInfo.InvariantCulture), new RatePeriod(ChinaCalendar.Midnight(m), ChinaCalendar.Midnight(m.AddMonths(1)))))];
    }

    /// <summary>The survey quarter ("2026-Q3") holding the period's last day.</summary>
    public static string QuarterOf(RatePeriod period, DateTimeOffset now)
    {
        var last = ChinaCalendar.DayOf(period.EndAt(now).AddTicks(-1));
        return $"{last.Year.ToString(CultureInfo.InvariantCulture)}-Q{((last.Month + 2) / 3).ToString(CultureInfo.InvariantCulture)}";
    }

    public static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string DayText(DateTimeOffset at) => ChinaCalendar.DayOf(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset Shift(DateTimeOffset at, int months) => at.ToOffset(ChinaCalendar.Offset).AddMonths(-months).ToUniversalTime();

    private static DateOnly? Day(string value) =>
        DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
