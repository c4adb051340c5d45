using System.Globalization;
using Linli.Web.Features.Rates;
using Linli.Web.Infrastructure.Time;

namespace Linli.Web.Features.OpenData;

/// <summary>Calendar months in China time, both ends included ("2025-01" to "2025-06"); never past the current month.</summary>
public sealed record MonthRange(DateOnly First, DateOnly Last)
{
    public const int MostMonths = 24;

    public IEnumerable<DateOnly> Months()
    {
        for (var month = First; month <= Last; month = month.AddMonths(1))
        {
            yield return month;
        }
    }

    public static RatePeriod PeriodOf(DateOnly month) => new(ChinaCalendar.Midnight(month), ChinaCalendar.Midnight(month.AddMonths(1)));

    public static string Label(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Without from and to: the twelve months up to this one.</summary>
    public static (MonthRange? Range, string Field, string Error) Parse(string? from, string? to, DateTimeOffset now)
    {
        var today = ChinaCalendar.DayOf(now);
        var current = new DateOnly(today.Year, today.Month, 1);
        var last = current;
        if (!string.IsNullOrWhiteSpace(to) && !TryMonth(to, out last))
        {
            return (null, "to", "to must be a month such as 2025-06");
        }

        var first = last.AddMonths(-11);
        if (!string.IsNullOrWhiteSpace(from) && !TryMonth(from, out first))
        {
            return (null, "from", "from must be a month such as 2025-01");
        }

        if (last > current)
        {
            last = current;
        }

        if (first > last)
        {
            return (null, "from", "from must not be after to (nor after this month)");
        }

        if (first.AddMonths(MostMonths) <= last)
        {
            return (null, "from", $"at most {MostMonths} months at a time");
        }

        return (new MonthRange(first, last), "", "");
    }

    private static bool TryMonth(string value, out DateOnly month) =>
        DateOnly.TryParseExact(value.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month);
}
